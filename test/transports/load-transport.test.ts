import { expect } from '@open-wc/testing';
import '../support/no-unhandled-rejections.js';
import { SessionController } from '../../src/session/controller.js';
import type { SessionState } from '../../src/session/states.js';
import { loadTransport } from '../../src/transports/load-transport.js';
import { scriptedSessionUrl } from '../support/session-endpoint.js';
import { InPageAgent } from './in-page-agent.js';

describe('default transport loader', () => {
  it('loads the adapter for each session shape', async () => {
    const webrtc = await loadTransport({ kind: 'webrtc', webrtcUrl: 'https://agent.invalid/offer' });
    const daily = await loadTransport({ kind: 'daily', roomUrl: 'https://x.daily.co/r', dailyToken: 't' });
    for (const t of [webrtc, daily]) expect(t.connect).to.be.a('function');
    expect(webrtc).to.not.equal(daily);
    await Promise.all([webrtc.disconnect(), daily.disconnect()]);
  });

  it('a whole call: session request → SmallWebRTC → live → end, with nothing left live', async () => {
    const agent = new InPageAgent();
    await agent.install();
    const tracks: MediaStreamTrack[] = [];
    const trace: SessionState[] = ['idle'];
    const { url } = scriptedSessionUrl({ json: { webrtcUrl: agent.url } });
    const controller = new SessionController({
      agentId: 'demo',
      sessionUrl: url,
      getUserMedia: async (c) => {
        const s = await navigator.mediaDevices.getUserMedia(c);
        tracks.push(...s.getTracks());
        return s;
      },
      emit: (type, detail) => {
        if (type === 'iwy-state-change') trace.push((detail as { state: SessionState }).state);
        return true;
      },
    });
    try {
      await controller.start();
      const stop = Date.now() + 8000;
      while (controller.snapshot.state !== 'live' || !controller.snapshot.agentVideo) {
        if (Date.now() > stop) throw new Error(`not live: ${trace.join(', ')}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(controller.snapshot.agentVideo.readyState).to.equal('live');
      await controller.end();
    } finally {
      agent.uninstall();
    }
    expect(trace).to.deep.equal(['idle', 'requesting', 'connecting', 'waiting', 'live', 'ending', 'ended']);
    expect(tracks.every((t) => t.readyState === 'ended')).to.equal(true);
  });
});
