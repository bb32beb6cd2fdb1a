import { expect } from '@open-wc/testing';
import '../support/no-unhandled-rejections.js';
import { receivedBodies, UNREACHABLE_SESSION_URL, type ScriptedAnswer } from '../support/session-endpoint.js';
import { harness } from './harness.js';

/** Each fault: the whole trace, the iwy-error detail, no live mic, and a working retry. */
async function expectSessionFault(answer: ScriptedAnswer, code: string, extra: Record<string, unknown> = {}) {
  const h = harness({ answer, ...extra });
  await h.controller.start();
  expect(h.trace, `trace for ${code}`).to.deep.equal(['idle', 'requesting', 'error']);
  const [error] = h.named('iwy-error');
  expect(error.code).to.equal(code);
  expect(error.recoverable).to.equal(true);
  expect(h.controller.snapshot.error?.code).to.equal(code);
  expect(h.stub.transports).to.have.length(0);
  expect(h.named('iwy-disconnected')).to.deep.equal([]);
  // the microphone was asked for in parallel; whatever it got is stopped, even if it came late
  await h.mic.settled();
  expect(h.mic.tracks).to.have.length(1);
  expect(h.mic.allEnded()).to.equal(true);
  return h;
}

describe('SessionController: session endpoint faults', () => {
  it('401 and 403 → session-unauthorized', async () => {
    await expectSessionFault({ status: 401, json: { message: 'no' } }, 'session-unauthorized');
    await expectSessionFault({ status: 403, text: 'Forbidden' }, 'session-unauthorized');
  });

  it('404 → agent-not-found', async () => {
    await expectSessionFault({ status: 404, json: { error: 'agent-not-found', message: 'No such agent.' } }, 'agent-not-found');
  });

  it('429 → session-rate-limited with Retry-After in seconds', async () => {
    const h = await expectSessionFault({ status: 429, retryAfter: '30', json: { message: 'Slow down.' } }, 'session-rate-limited');
    expect(h.controller.snapshot.error?.retryAfterSeconds).to.equal(30);
    expect(h.controller.snapshot.error?.message).to.equal('Slow down.');
  });

  it('429 → session-rate-limited with Retry-After as an HTTP date', async () => {
    const when = new Date(Date.now() + 120_000).toUTCString();
    const h = await expectSessionFault({ status: 429, retryAfter: when, text: '' }, 'session-rate-limited');
    expect(h.controller.snapshot.error?.retryAfterSeconds).to.be.within(115, 121);
  });

  it('5xx, non-JSON and wrong shape → session-request-failed', async () => {
    await expectSessionFault({ status: 500, text: 'boom' }, 'session-request-failed');
    await expectSessionFault({ status: 503, json: { error: 'upstream', message: 'iwy is down' } }, 'session-request-failed');
    await expectSessionFault({ text: '<html>hello</html>' }, 'session-request-failed');
    await expectSessionFault({ json: { roomUrl: 'https://x.daily.co/r' } }, 'session-request-failed');
    await expectSessionFault({ json: { webrtcUrl: 'javascript:alert(1)' } }, 'session-request-failed');
    await expectSessionFault({ json: [1, 2] }, 'session-request-failed');
  });

  it('an unreachable endpoint → session-request-failed', async () => {
    const h = await expectSessionFault({}, 'session-request-failed', { sessionUrl: UNREACHABLE_SESSION_URL });
    expect(h.controller.snapshot.error?.message).to.match(/could not be reached/);
  });

  it('no answer within requestTimeoutMs → session-request-failed, and the request is abandoned', async () => {
    const h = await expectSessionFault({ delayMs: 3000, json: { webrtcUrl: 'offer' } }, 'session-request-failed', {
      requestTimeoutMs: 100,
    });
    expect(h.controller.snapshot.error?.message).to.match(/within 100 ms/);
  });

  it('the server’s own code is honoured over the status', async () => {
    await expectSessionFault({ status: 400, json: { error: 'agent-not-found', message: 'gone' } }, 'agent-not-found');
    await expectSessionFault({ status: 400, json: { error: 'session-rate-limited' }, retryAfter: '5' }, 'session-rate-limited');
  });

  it('a bad agent-id → invalid-config (not recoverable), with no request and no mic', async () => {
    for (const agentId of ['', 'not-a-uuid', '6f1c2a9e-8b7d-4c3e-9f10']) {
      const h = harness({ agentId });
      await h.controller.start();
      expect(h.trace).to.deep.equal(['idle', 'error']);
      expect(h.named('iwy-error')[0]).to.include({ code: 'invalid-config', recoverable: false });
      expect(h.named('iwy-session-request')).to.deep.equal([]);
      expect(await receivedBodies(h.endpoint.key)).to.deep.equal([]);
      expect(h.mic.tracks).to.have.length(0);
      // fixed configuration: start() works again
      h.controller.configure({ agentId: 'demo' });
      await h.controller.start();
      expect(h.trace).to.deep.equal(['idle', 'error', 'requesting', 'connecting', 'waiting']);
      await h.controller.end();
    }
  });

  it('start() after a session fault works again', async () => {
    const h = harness({ answer: { status: 500 } });
    await h.controller.start();
    h.controller.configure({ sessionUrl: new URL('/__iwy-test/session?json=%7B%22webrtcUrl%22%3A%22o%22%7D', location.href).href });
    await h.controller.start();
    expect(h.trace).to.deep.equal(['idle', 'requesting', 'error', 'requesting', 'connecting', 'waiting']);
    expect(h.controller.snapshot.error).to.equal(undefined);
    await h.controller.end();
    expect(h.mic.allEnded()).to.equal(true);
  });

  it('reads a Daily answer and resolves a relative webrtcUrl against the session URL', async () => {
    const daily = harness({ answer: { json: { roomUrl: 'https://iwy.daily.co/abc', dailyToken: 'jwt', expiresAt: '2030-01-01T00:00:00Z' } } });
    await daily.controller.start();
    expect(daily.stub.sessions).to.deep.equal([
      { kind: 'daily', roomUrl: 'https://iwy.daily.co/abc', dailyToken: 'jwt', expiresAt: '2030-01-01T00:00:00Z' },
    ]);
    await daily.controller.end();

    const relative = harness({ answer: { json: { webrtcUrl: '../offer/x?pc=1' } } });
    await relative.controller.start();
    expect(relative.stub.sessions[0]).to.deep.equal({ kind: 'webrtc', webrtcUrl: new URL('/offer/x?pc=1', location.href).href });
    await relative.controller.end();
  });
});
