import { expect } from '@open-wc/testing';
import '../support/no-unhandled-rejections.js';
import { harness } from './harness.js';

describe('SessionController state traces', () => {
  it('happy path: idle, requesting, connecting, waiting, live; end(): ending, ended', async () => {
    const h = harness();
    await h.controller.start();
    expect(h.trace).to.deep.equal(['idle', 'requesting', 'connecting', 'waiting']);
    h.stub.last.cb.onAgentReady();
    await h.controller.end();
    expect(h.trace).to.deep.equal(['idle', 'requesting', 'connecting', 'waiting', 'live', 'ending', 'ended']);
    expect(h.events.map((e) => e.type).filter((t) => t !== 'iwy-state-change')).to.deep.equal([
      'iwy-session-request',
      'iwy-connected',
      'iwy-agent-ready',
      'iwy-disconnected',
    ]);
    expect(h.named('iwy-disconnected')[0].reason).to.equal('user');
    expect(h.stub.last.calls).to.deep.equal(['connect', 'disconnect']);
    expect(h.mic.tracks).to.have.length(1);
    expect(h.mic.allEnded()).to.equal(true);
  });

  it('passes the session, the live mic track and an abort signal to the transport', async () => {
    const h = harness({ micEnabled: false });
    await h.controller.start();
    const o = h.stub.last.options!;
    expect(o.session).to.deep.equal({ kind: 'webrtc', webrtcUrl: new URL('/__iwy-test/offer', location.href).href, sessionId: 's-1' });
    expect(o.micTrack).to.equal(h.mic.tracks[0]);
    expect(o.micTrack!.readyState).to.equal('live');
    expect(o.micTrack!.enabled).to.equal(false);
    expect(o.micEnabled).to.equal(false);
    await h.controller.end();
    expect(o.signal.aborted).to.equal(true);
  });

  it('bot-ready before media-connected still passes through waiting', async () => {
    const h = harness({ script: { readyOnConnect: true } });
    await h.controller.start();
    await h.reach('live');
    expect(h.trace).to.deep.equal(['idle', 'requesting', 'connecting', 'waiting', 'live']);
    await h.controller.dispose();
  });

  for (const state of ['requesting', 'connecting', 'waiting', 'live', 'reconnecting'] as const) {
    it(`end() while ${state}: ending, ended, nothing left live`, async () => {
      const h = harness({
        answer: state === 'requesting' ? { json: { webrtcUrl: 'offer' }, delayMs: 800 } : undefined,
        script: { connect: state === 'connecting' ? 'hang' : 'ok' },
      });
      const started = h.controller.start();
      if (state === 'live' || state === 'reconnecting') {
        await h.reach('waiting');
        h.stub.last.cb.onAgentReady();
      }
      if (state === 'reconnecting') h.stub.last.cb.onReconnecting();
      await h.reach(state);
      await h.controller.end();
      await started;
      expect(h.trace.slice(-3)).to.deep.equal([state, 'ending', 'ended']);
      expect(h.controller.snapshot.error).to.equal(undefined);
      await h.mic.settled();
      expect(h.mic.tracks).to.have.length(1);
      expect(h.mic.allEnded()).to.equal(true);
      const disconnected = h.named('iwy-disconnected');
      expect(disconnected.length).to.equal(['waiting', 'live', 'reconnecting'].includes(state) ? 1 : 0);
    });
  }

  it('end() in idle, ended and error changes nothing', async () => {
    const h = harness({ answer: { status: 500 } });
    await h.controller.end();
    expect(h.trace).to.deep.equal(['idle']);
    await h.controller.start();
    await h.controller.end();
    await h.controller.end();
    expect(h.trace).to.deep.equal(['idle', 'requesting', 'error']);
  });

  it('a second start() while active is a no-op', async () => {
    const h = harness();
    const first = h.controller.start();
    const second = h.controller.start();
    await Promise.all([first, second]);
    await h.controller.start();
    expect(h.stub.transports).to.have.length(1);
    expect(h.mic.tracks).to.have.length(1);
    expect(h.trace).to.deep.equal(['idle', 'requesting', 'connecting', 'waiting']);
    await h.controller.end();
  });

  it('a cancelled iwy-session-request goes back to idle without a request or a mic', async () => {
    const h = harness({ cancelRequest: true });
    await h.controller.start();
    expect(h.trace).to.deep.equal(['idle', 'requesting', 'idle']);
    const { receivedBodies } = await import('../support/session-endpoint.js');
    expect(await receivedBodies(h.endpoint.key)).to.deep.equal([]);
    expect(h.mic.tracks).to.have.length(0);
  });

  it('POSTs {agentId, context} as JSON, with the context the host added', async () => {
    const h = harness({ context: { page: '/pricing', plan: 'pro' } });
    await h.controller.start();
    const { receivedBodies } = await import('../support/session-endpoint.js');
    const [received] = await receivedBodies(h.endpoint.key);
    expect(received.contentType).to.match(/^application\/json/);
    expect(JSON.parse(received.body)).to.deep.equal({
      agentId: '6f1c2a9e-8b7d-4c3e-9f10-2a3b4c5d6e7f',
      context: { page: '/pricing', plan: 'pro' },
    });
    await h.controller.end();
  });

  it('transport failure: requesting, connecting, error (transport-failed)', async () => {
    const h = harness({ script: { connect: 'fail' } });
    await h.controller.start();
    expect(h.trace).to.deep.equal(['idle', 'requesting', 'connecting', 'error']);
    expect(h.named('iwy-error')).to.deep.equal([
      { code: 'transport-failed', message: 'stub: the agent refused the offer', recoverable: true },
    ]);
    expect(h.named('iwy-disconnected')).to.deep.equal([]);
    expect(h.mic.allEnded()).to.equal(true);
    expect(h.stub.last.disconnected).to.equal(true);
  });

  it('no bot-ready within readyTimeoutMs: waiting, error (agent-timeout), then disconnected', async () => {
    const h = harness({ readyTimeoutMs: 60 });
    await h.controller.start();
    await h.reach('error');
    expect(h.trace).to.deep.equal(['idle', 'requesting', 'connecting', 'waiting', 'error']);
    expect(h.controller.snapshot.error?.code).to.equal('agent-timeout');
    expect(h.named('iwy-disconnected')[0].reason).to.equal('error');
    expect(h.mic.allEnded()).to.equal(true);
  });

  it('media never connecting within readyTimeoutMs is a transport failure', async () => {
    const h = harness({ readyTimeoutMs: 60, script: { connect: 'hang' } });
    await h.controller.start();
    expect(h.trace).to.deep.equal(['idle', 'requesting', 'connecting', 'error']);
    expect(h.controller.snapshot.error?.code).to.equal('transport-failed');
    expect(h.mic.allEnded()).to.equal(true);
  });

  it('reconnect back to live within reconnectTimeoutMs', async () => {
    const h = harness({ reconnectTimeoutMs: 200 });
    await h.controller.start();
    h.stub.last.cb.onAgentReady();
    h.stub.last.cb.onReconnecting();
    h.stub.last.cb.onReconnected();
    await new Promise((r) => setTimeout(r, 260)); // past the reconnect bound: its timer was cleared
    expect(h.trace).to.deep.equal(['idle', 'requesting', 'connecting', 'waiting', 'live', 'reconnecting', 'live']);
    expect(h.named('iwy-agent-ready')).to.have.length(2);
    await h.controller.end();
  });

  it('reconnecting longer than reconnectTimeoutMs: error network-lost, disconnected (network)', async () => {
    const h = harness({ reconnectTimeoutMs: 50 });
    await h.controller.start();
    h.stub.last.cb.onAgentReady();
    h.stub.last.cb.onReconnecting();
    await h.reach('error');
    expect(h.trace).to.deep.equal(['idle', 'requesting', 'connecting', 'waiting', 'live', 'reconnecting', 'error']);
    expect(h.controller.snapshot.error?.code).to.equal('network-lost');
    expect(h.named('iwy-disconnected').map((d) => d.reason)).to.deep.equal(['network']);
    expect(h.mic.allEnded()).to.equal(true);
  });

  it('the transport giving up is network-lost; the agent leaving ends the call (reason agent)', async () => {
    const lost = harness();
    await lost.controller.start();
    lost.stub.last.cb.onAgentReady();
    lost.stub.last.cb.onDisconnected('network');
    expect(lost.trace.slice(-2)).to.deep.equal(['live', 'error']);
    expect(lost.controller.snapshot.error?.code).to.equal('network-lost');

    const left = harness();
    await left.controller.start();
    left.stub.last.cb.onAgentReady();
    left.stub.last.cb.onDisconnected('agent');
    await left.reach('ended');
    expect(left.trace.slice(-3)).to.deep.equal(['live', 'ending', 'ended']);
    expect(left.named('iwy-disconnected')[0].reason).to.equal('agent');
    expect(left.mic.allEnded()).to.equal(true);
  });

  it('start() after error and after ended begins anew with a fresh mic and transport', async () => {
    const h = harness({ script: { readyOnConnect: true } });
    await h.controller.start();
    h.stub.last.cb.onDisconnected('network');
    await h.controller.start();
    await h.reach('live');
    await h.controller.end();
    await h.controller.start();
    await h.reach('live');
    expect(h.trace).to.deep.equal([
      'idle', 'requesting', 'connecting', 'waiting', 'live', 'error',
      'requesting', 'connecting', 'waiting', 'live', 'ending', 'ended',
      'requesting', 'connecting', 'waiting', 'live',
    ]);
    expect(h.controller.snapshot.error).to.equal(undefined);
    expect(h.stub.transports).to.have.length(3);
    expect(h.mic.tracks.map((t) => t.readyState)).to.deep.equal(['ended', 'ended', 'live']);
    await h.controller.dispose();
    expect(h.mic.allEnded()).to.equal(true);
  });

  it('dispose() mid-call ends with reason removed; late transport callbacks are ignored', async () => {
    const h = harness();
    await h.controller.start();
    const stale = h.stub.last.cb;
    stale.onAgentReady();
    await h.controller.dispose();
    stale.onTranscript('agent', 'too late', true);
    stale.onDisconnected('network');
    expect(h.trace.slice(-2)).to.deep.equal(['ending', 'ended']);
    expect(h.named('iwy-disconnected')[0].reason).to.equal('removed');
    expect(h.controller.snapshot.transcript).to.deep.equal([]);
    expect(h.mic.allEnded()).to.equal(true);
  });
});
