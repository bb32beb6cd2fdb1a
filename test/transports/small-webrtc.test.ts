import { expect } from '@open-wc/testing';
import '../support/no-unhandled-rejections.js';
import { createSmallWebRTCTransport } from '../../src/transports/small-webrtc.js';
import { capturePeerConnections, InPageAgent } from './in-page-agent.js';
import { recordCallbacks } from './fake-pipecat-transport.js';

const until = async (check: () => boolean, what: string, ms = 8000) => {
  const stop = Date.now() + ms;
  while (!check()) {
    if (Date.now() > stop) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('SmallWebRTC adapter (real WebRTC to an in-page agent)', () => {
  let agent: InPageAgent;
  let pcs: ReturnType<typeof capturePeerConnections>;
  let mic: MediaStreamTrack;

  beforeEach(async () => {
    agent = new InPageAgent();
    await agent.install();
    pcs = capturePeerConnections();
    [mic] = (await navigator.mediaDevices.getUserMedia({ audio: true })).getAudioTracks();
  });
  afterEach(() => {
    pcs.restore();
    agent.uninstall();
    mic.stop();
  });

  const connect = (micEnabled = true) => {
    const adapter = createSmallWebRTCTransport();
    const rec = recordCallbacks();
    const abort = new AbortController();
    const connected = adapter.connect({
      session: { kind: 'webrtc', webrtcUrl: agent.url },
      micTrack: mic,
      micEnabled,
      callbacks: rec.callbacks,
      signal: abort.signal,
    });
    return { adapter, rec, abort, connected };
  };

  it('connects, reports bot-ready, the agent’s tracks, RTVI events and the mic level', async () => {
    const call = connect();
    await call.connected;
    const lifecycle = () => call.rec.names().filter((n) => n === 'connected' || n === 'agentReady');
    expect(lifecycle()).to.deep.equal(['connected']); // resolved before bot-ready
    await until(() => call.rec.names().includes('agentReady'), 'bot-ready');
    expect(lifecycle()).to.deep.equal(['connected', 'agentReady']);
    await until(() => call.rec.names().includes('agentVideo') && call.rec.names().includes('agentAudio'), 'agent tracks');
    const video = call.rec.log.find((e) => e[0] === 'agentVideo')![1] as MediaStreamTrack;
    expect(video.kind).to.equal('video');
    expect(video.readyState).to.equal('live');

    agent.say('bot-started-speaking');
    agent.say('bot-output', { text: 'Hello', aggregated_by: 'word' });
    agent.say('bot-output', { text: 'there', aggregated_by: 'word' });
    agent.say('bot-stopped-speaking');
    agent.say('user-transcription', { text: 'hi', final: true, timestamp: '', user_id: 'u' });
    await until(() => call.rec.names().filter((n) => n === 'transcript').length === 4, 'transcripts');
    expect(call.rec.log.filter((e) => e[0] === 'transcript')).to.deep.equal([
      ['transcript', 'agent', 'Hello', false],
      ['transcript', 'agent', 'Hello there', false],
      ['transcript', 'agent', 'Hello there', true],
      ['transcript', 'user', 'hi', true],
    ]);
    await until(() => call.rec.names().includes('micLevel'), 'a mic level');

    // the visitor's mic is what the peer connection sends
    const clientPc = pcs.created[0];
    expect(clientPc.getSenders().map((s) => s.track)).to.include(mic);

    call.adapter.sendText('what does it cost?');
    await until(() => agent.received.some((m) => m.type === 'send-text'), 'send-text');
    expect(agent.received.find((m) => m.type === 'send-text')!.data).to.deep.equal({
      content: 'what does it cost?',
      options: {},
    });

    await call.adapter.disconnect();
    expect(clientPc.connectionState).to.equal('closed');
    // the mic belongs to the session controller: the adapter leaves it running
    expect(mic.readyState).to.equal('live');
    expect(call.rec.names()).to.not.include('disconnected');
  });

  it('starts muted when asked, and tells the agent when the mic changes', async () => {
    const call = connect(false);
    await call.connected;
    expect(mic.enabled).to.equal(false);
    await until(() => agent.received.some((m) => m.type === 'signalling'), 'track status');
    call.adapter.setMicEnabled(true);
    expect(mic.enabled).to.equal(true);
    await until(() => agent.received.filter((m) => m.type === 'signalling').length >= 3, 'mic status');
    const statuses = agent.received
      .filter((m) => m.type === 'signalling')
      .map((m) => m.message as { type: string; receiver_index: number; enabled: boolean })
      .filter((m) => m.receiver_index === 0);
    expect(statuses.map((m) => m.enabled)).to.deep.equal([false, true]);
    await call.adapter.disconnect();
  });

  it('reports the link dropping and recovering as reconnecting / reconnected', async () => {
    const call = connect();
    await call.connected;
    const clientPc = pcs.created[0];
    const fakeState = (state: RTCPeerConnectionState) => {
      Object.defineProperty(clientPc, 'connectionState', { value: state, configurable: true });
      clientPc.dispatchEvent(new Event('connectionstatechange'));
    };
    fakeState('disconnected');
    fakeState('failed');
    fakeState('connected');
    delete (clientPc as { connectionState?: unknown }).connectionState;
    expect(call.rec.names().filter((n) => n.startsWith('reconnect'))).to.deep.equal(['reconnecting', 'reconnected']);
    await call.adapter.disconnect();
  });

  it('after an ICE restart, reports the new connection’s agent tracks (Pipecat does not)', async () => {
    const call = connect();
    await call.connected;
    await until(() => call.rec.names().includes('agentVideo') && call.rec.names().includes('agentAudio'), 'agent tracks');
    // ICE failed: Pipecat re-offers with restart_pc on a new peer connection and closes the old one.
    const oldPc = pcs.created[0];
    Object.defineProperty(oldPc, 'iceConnectionState', { value: 'failed', configurable: true });
    oldPc.dispatchEvent(new Event('iceconnectionstatechange'));
    // pcs.created: the client's first connection, the agent's, then the client's new one
    const newPc = () => pcs.created[2];
    await until(() => newPc()?.connectionState === 'connected', 'the new connection');
    const receiver = (mid: string) => newPc().getTransceivers().find((t) => t.mid === mid)!.receiver.track;
    const last = (name: string) => call.rec.log.filter((e) => e[0] === name).at(-1)?.[1];
    await until(() => last('agentVideo') === receiver('1') && last('agentAudio') === receiver('0'), 'the new tracks');
    expect(receiver('1').readyState).to.equal('live');
    expect(call.rec.names().filter((n) => n.startsWith('reconnect'))).to.deep.equal(['reconnecting', 'reconnected']);
    await call.adapter.disconnect();
  });

  it('the agent leaving is disconnected(agent), and the peer connection is closed', async () => {
    const call = connect();
    await call.connected;
    await agent.opened();
    agent.leave();
    await until(() => call.rec.names().includes('disconnected'), 'disconnected');
    expect(call.rec.log.find((e) => e[0] === 'disconnected')).to.deep.equal(['disconnected', 'agent']);
    await until(() => pcs.created[0].connectionState === 'closed', 'closed peer connection');
    expect(mic.readyState).to.equal('live');
  });

  it('hanging up mid-negotiation rejects connect() with the abort reason, and nothing is left over', async () => {
    agent.answerDelayMs = 150;
    const call = connect();
    await until(() => agent.offers === 1, 'the offer');
    call.abort.abort();
    const error = await call.connected.catch((e: unknown) => e);
    expect((error as DOMException).name).to.equal('AbortError');
    await call.adapter.disconnect();
    await new Promise((r) => setTimeout(r, 250)); // the late answer lands on a closed transport
    expect(pcs.created[0].connectionState).to.equal('closed');
    expect(call.rec.names().filter((n) => n !== 'micLevel')).to.deep.equal([]);
  });

  it('a refused offer rejects connect() with transport-failed', async () => {
    agent.uninstall();
    const real = window.fetch;
    window.fetch = async (input, init) =>
      new Request(input, init).url === agent.url ? new Response('no', { status: 403 }) : real(input, init);
    try {
      const call = connect();
      const error = await call.connected.catch((e: unknown) => e);
      expect(error).to.include({ name: 'IwyAgentError', code: 'transport-failed' });
      expect(pcs.created.every((pc) => pc.connectionState === 'closed')).to.equal(true);
    } finally {
      window.fetch = real;
    }
  });
});
