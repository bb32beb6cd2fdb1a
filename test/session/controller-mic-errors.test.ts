import { expect } from '@open-wc/testing';
import '../support/no-unhandled-rejections.js';
import { acquireMicrophone } from '../../src/session/microphone.js';
import { harness } from './harness.js';

const rejecting = (name: string) => () => Promise.reject(new DOMException('scripted', name));

describe('SessionController: microphone faults', () => {
  const cases: [string, string][] = [
    ['NotAllowedError', 'mic-permission-denied'],
    ['SecurityError', 'mic-permission-denied'],
    ['NotFoundError', 'mic-not-found'],
    ['OverconstrainedError', 'mic-not-found'],
    ['NotReadableError', 'mic-in-use'],
    ['AbortError', 'mic-in-use'],
  ];
  for (const [name, code] of cases) {
    it(`${name} → ${code}; the session request is abandoned; start() works again`, async () => {
      const h = harness({ getUserMedia: rejecting(name), answer: { json: { webrtcUrl: 'offer' }, delayMs: 200 } });
      await h.controller.start();
      expect(h.trace).to.deep.equal(['idle', 'requesting', 'error']);
      expect(h.named('iwy-error')).to.have.length(1);
      expect(h.named('iwy-error')[0]).to.include({ code, recoverable: true });
      expect(h.stub.transports).to.have.length(0);

      // the visitor fixed it (e.g. allowed the mic): a retry goes through with a real track
      const real: MediaStreamTrack[] = [];
      const retry = harness({
        getUserMedia: async (c) => {
          const s = await navigator.mediaDevices.getUserMedia(c);
          real.push(...s.getTracks());
          return s;
        },
      });
      await retry.controller.start();
      expect(retry.controller.snapshot.state).to.equal('waiting');
      await retry.controller.end();
      expect(real.every((t) => t.readyState === 'ended')).to.equal(true);
    });
  }

  it('no mediaDevices (an insecure page) → insecure-context, not recoverable', async () => {
    Object.defineProperty(navigator, 'mediaDevices', { value: undefined, configurable: true });
    try {
      const h = harness({ getUserMedia: undefined });
      await h.controller.start();
      expect(h.trace).to.deep.equal(['idle', 'requesting', 'error']);
      expect(h.named('iwy-error')[0]).to.include({ code: 'insecure-context', recoverable: false });
    } finally {
      delete (navigator as { mediaDevices?: unknown }).mediaDevices;
    }
    expect(navigator.mediaDevices.getUserMedia).to.be.a('function');
  });

  it('with the browser’s own getUserMedia, the track is the one stopped at end()', async () => {
    const h = harness({ getUserMedia: undefined });
    await h.controller.start();
    const track = h.stub.last.options!.micTrack!;
    expect(track.readyState).to.equal('live');
    expect(track.kind).to.equal('audio');
    await h.controller.end();
    expect(track.readyState).to.equal('ended');
  });

  it('a mic that arrives after the call was abandoned is stopped at once', async () => {
    const controller = new AbortController();
    let stream: MediaStream | undefined;
    const slow = async (c: MediaStreamConstraints) => {
      stream = await navigator.mediaDevices.getUserMedia(c);
      controller.abort();
      return stream;
    };
    const error = await acquireMicrophone({ signal: controller.signal, getUserMedia: slow }).catch((e: unknown) => e);
    expect((error as DOMException).name).to.equal('AbortError');
    expect(stream!.getTracks().every((t) => t.readyState === 'ended')).to.equal(true);
  });

  it('asks for echo cancellation, noise suppression and auto gain, audio only', async () => {
    let asked: MediaStreamConstraints | undefined;
    const track = await acquireMicrophone({
      signal: new AbortController().signal,
      getUserMedia: (c) => {
        asked = c;
        return navigator.mediaDevices.getUserMedia(c);
      },
    });
    track.stop();
    expect(asked).to.deep.equal({
      audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
      video: false,
    });
  });
});
