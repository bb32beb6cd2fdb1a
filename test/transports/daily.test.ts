import { expect } from '@open-wc/testing';
import '../support/no-unhandled-rejections.js';
import { createDailyTransport, dailyConnectParams, dailyTransportOptions } from '../../src/transports/daily.js';
import type { TransportConnectOptions } from '../../src/transports/types.js';
import { FakePipecatTransport, recordCallbacks } from './fake-pipecat-transport.js';

const SESSION = { kind: 'daily', roomUrl: 'https://iwy.daily.co/room-1', dailyToken: 'jwt-1' } as const;
const tick = () => new Promise((r) => setTimeout(r, 0));

/** The Daily adapter over a fake Pipecat transport (daily-js needs Daily's CDN to really join). */
async function dailyCall(overrides: Partial<TransportConnectOptions> = {}, prepare?: (f: FakePipecatTransport) => void) {
  const [micTrack] = (await navigator.mediaDevices.getUserMedia({ audio: true })).getAudioTracks();
  let fake: FakePipecatTransport | undefined;
  const adapter = createDailyTransport((options) => {
    fake = new FakePipecatTransport(options);
    prepare?.(fake);
    return fake;
  });
  const rec = recordCallbacks();
  const abort = new AbortController();
  const connected = adapter.connect({
    session: SESSION,
    micTrack,
    micEnabled: true,
    callbacks: rec.callbacks,
    signal: abort.signal,
    ...overrides,
  });
  return { adapter, fake: () => fake!, rec, abort, connected, micTrack };
}

describe('Daily adapter (contract, over a fake Pipecat transport)', () => {
  it('joins with the room URL and token, sending the controller’s mic track and no camera', async () => {
    const call = await dailyCall({ micEnabled: false });
    await call.connected;
    expect(call.fake().connectParams).to.deep.equal({ url: SESSION.roomUrl, token: SESSION.dailyToken });
    expect(call.fake().constructed).to.deep.equal({
      audioSource: call.micTrack,
      videoSource: false,
      startVideoOff: true,
      startAudioOff: true,
      dailyConfig: { useDevicePreferenceCookies: false },
    });
    expect(dailyTransportOptions({ micTrack: undefined, micEnabled: true })).to.include({ audioSource: false, startAudioOff: false });
    expect(() => dailyConnectParams({ kind: 'webrtc', webrtcUrl: 'https://x/offer' })).to.throw(TypeError);
    await call.adapter.disconnect();
    call.micTrack.stop();
  });

  it('resolves connect() when media is connected, before bot-ready; bot-ready is reported after', async () => {
    const call = await dailyCall();
    await call.connected;
    expect(call.rec.names()).to.deep.equal(['connected']);
    call.fake().rtvi('bot-ready', { version: '2.1.0' });
    expect(call.rec.names()).to.deep.equal(['connected', 'agentReady']);
    await call.adapter.disconnect();
    call.micTrack.stop();
  });

  it('maps transcripts, speaking, tracks and levels', async () => {
    const call = await dailyCall();
    await call.connected;
    const f = call.fake();
    const [video] = (await navigator.mediaDevices.getUserMedia({ video: true })).getVideoTracks();
    f.callbacks.onTrackStarted?.(video, { id: 'bot', name: 'bot', local: false });
    f.callbacks.onTrackStarted?.(call.micTrack, { id: 'me', name: '', local: true }); // ours: ignored
    f.callbacks.onLocalAudioLevel?.(0.25);
    f.rtvi('user-started-speaking');
    f.rtvi('user-transcription', { text: 'what does', final: false, timestamp: '', user_id: 'u' });
    f.rtvi('user-transcription', { text: 'what does it cost', final: true, timestamp: '', user_id: 'u' });
    f.rtvi('user-stopped-speaking');
    f.rtvi('bot-started-speaking');
    f.rtvi('bot-output', { text: 'It is free.', aggregated_by: 'sentence' });
    f.rtvi('bot-output', { text: 'Really.', aggregated_by: 'sentence' });
    f.rtvi('bot-stopped-speaking');
    f.callbacks.onTrackStopped?.(video, { id: 'bot', name: 'bot', local: false });
    expect(call.rec.log.slice(1)).to.deep.equal([
      ['agentVideo', video],
      ['micLevel', 0.25],
      ['userSpeaking', true],
      ['transcript', 'user', 'what does', false],
      ['transcript', 'user', 'what does it cost', true],
      ['userSpeaking', false],
      ['agentSpeaking', true],
      ['transcript', 'agent', 'It is free.', false],
      ['transcript', 'agent', 'It is free. Really.', false],
      ['transcript', 'agent', 'It is free. Really.', true],
      ['agentSpeaking', false],
      ['agentVideo', undefined],
    ]);
    video.stop();
    await call.adapter.disconnect();
    call.micTrack.stop();
  });

  it('reports daily-js network interruptions as reconnecting / reconnected', async () => {
    const call = await dailyCall();
    await call.connected;
    call.fake().network('connected'); // the first join: not a reconnection
    call.fake().network('interrupted');
    call.fake().network('interrupted');
    call.fake().network('connected');
    expect(call.rec.names()).to.deep.equal(['connected', 'reconnecting', 'reconnected']);
    await call.adapter.disconnect();
    expect(call.fake().networkListeners).to.equal(0);
    call.micTrack.stop();
  });

  it('the bot leaving is disconnected(agent); the call object is left and destroyed', async () => {
    const call = await dailyCall();
    await call.connected;
    call.fake().callbacks.onBotDisconnected?.({ id: 'bot', name: 'bot', local: false });
    await tick();
    await call.adapter.disconnect();
    expect(call.rec.names()).to.deep.equal(['connected', 'disconnected']);
    expect(call.rec.log[1]).to.deep.equal(['disconnected', 'agent']);
    expect(call.fake().disconnects).to.be.greaterThan(0);
    expect(call.fake().destroyed).to.equal(true);
    call.micTrack.stop();
  });

  it('leaving the room unasked is disconnected(network); our own disconnect() reports nothing', async () => {
    const dropped = await dailyCall();
    await dropped.connected;
    dropped.fake().callbacks.onDisconnected?.();
    expect(dropped.rec.log.at(-1)).to.deep.equal(['disconnected', 'network']);
    dropped.micTrack.stop();

    const mine = await dailyCall();
    await mine.connected;
    await Promise.all([mine.adapter.disconnect(), mine.adapter.disconnect()]);
    expect(mine.rec.names()).to.deep.equal(['connected']);
    expect(mine.fake().disconnects).to.equal(1);
    mine.micTrack.stop();
  });

  it('sends typed text as RTVI send-text and switches the mic through Pipecat', async () => {
    const call = await dailyCall();
    await call.connected;
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...a: unknown[]) => warnings.push(a);
    try {
      call.adapter.sendText('before ready'); // Pipecat refuses: a warning, never a throw
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    await tick(); // PipecatClient sends client-ready once connected
    call.fake().rtvi('bot-ready', { version: '2.1.0' });
    call.adapter.sendText('hello agent');
    call.adapter.setMicEnabled(false);
    const sent = call.fake().sent.map((m) => ({ label: m.label, type: (m as unknown as { type: string }).type, data: (m as unknown as { data: unknown }).data }));
    expect(sent).to.deep.include({ label: 'rtvi-ai', type: 'send-text', data: { content: 'hello agent', options: {} } });
    expect(call.fake().micChanges).to.deep.equal([false]);
    await call.adapter.disconnect();
    call.micTrack.stop();
  });

  it('a refused join rejects with transport-failed', async () => {
    const call = await dailyCall({}, (f) => (f.failConnect = true));
    const error = await call.connected.catch((e: unknown) => e);
    expect(error).to.include({ name: 'IwyAgentError', code: 'transport-failed' });
    call.micTrack.stop();
  });

  it('aborting while connecting rejects with the abort reason and hangs up', async () => {
    const call = await dailyCall({}, (f) => (f.hangConnect = true));
    await tick();
    call.abort.abort();
    const error = await call.connected.catch((e: unknown) => e);
    expect((error as DOMException).name).to.equal('AbortError');
    await call.adapter.disconnect();
    expect(call.fake().disconnects).to.equal(1);
    expect(call.rec.names()).to.deep.equal([]);
    call.micTrack.stop();
  });
});
