// The element with the real SessionController: the scripted session endpoint of the wtr config and
// the stub transport stand in for the backend and the agent.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { IwyAgentElement } from '../../src/element/iwy-agent.element.js';
import { SessionController, type SessionControllerOptions } from '../../src/session/controller.js';
import { EN } from '../../src/element/i18n.js';
import { callModule } from '../../src/element/call-loader.js';
import { receivedBodies, scriptedSessionUrl } from '../support/session-endpoint.js';
import { stubLoader } from '../transports/stub-transport.js';
import { recordingGetUserMedia } from '../session/harness.js';
import { canvasTrack, part } from './fake-controller.js';

const AGENT = '6f1c2a9e-8b7d-4c3e-9f10-2a3b4c5d6e7f';
const stub = stubLoader({ readyOnConnect: true });
const mic = recordingGetUserMedia();

/** `<stub-iwy-agent>`: the real element and controller, with the stub transport and a recorded mic. */
class StubIwyAgent extends IwyAgentElement {
  protected override async createController(options: SessionControllerOptions) {
    return new SessionController({ ...options, loadTransport: stub.load, getUserMedia: mic.getUserMedia });
  }
}
customElements.define('stub-iwy-agent', StubIwyAgent);

const resources = () => performance.getEntriesByType('resource').map((e) => e.name);

describe('<iwy-agent> with the real session controller', () => {
  it('sends nothing over the network before start(), then posts the session request', async () => {
    const { url, key } = scriptedSessionUrl({ json: { webrtcUrl: 'offer' } });
    const before = resources().length;
    const seen: string[] = [];
    const observer = new PerformanceObserver((list) => seen.push(...list.getEntries().map((e) => e.name)));
    observer.observe({ type: 'resource' });
    // The shipped element idle on the page (with autostart off) …
    await fixture(html`<iwy-agent agent-id=${AGENT} session-url=${url}></iwy-agent>`);
    const el = await fixture<IwyAgentElement>(html`<stub-iwy-agent agent-id=${AGENT} session-url=${url} mode="inline"></stub-iwy-agent>`);
    await new Promise((r) => setTimeout(r, 300));
    observer.disconnect();
    expect(seen, 'no request from an idle element').to.deep.equal([]);
    expect(resources().length).to.equal(before);
    expect(await receivedBodies(key)).to.deep.equal([]);
    expect(callModule(), 'the call code is not even loaded').to.equal(undefined);
    // … and a click, which is the first thing that reaches the network.
    const requested = oneEvent(el, 'iwy-session-request');
    part(el, 'start-button')!.click();
    await requested;
    await waitUntil(async () => (await receivedBodies(key)).length === 1, 'the session was requested');
    await el.end();
  });

  it('invalid agent-id: invalid-config message, no request, retry runs again', async () => {
    const { url, key } = scriptedSessionUrl({ json: { webrtcUrl: 'offer' } });
    const el = await fixture<IwyAgentElement>(html`<stub-iwy-agent agent-id="not an id" session-url=${url} mode="inline"></stub-iwy-agent>`);
    const failed = oneEvent(el, 'iwy-error');
    part(el, 'start-button')!.click();
    expect((await failed).detail).to.include({ code: 'invalid-config', recoverable: false });
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).to.contain(EN['invalid-config']);
    expect(await receivedBodies(key)).to.deep.equal([]);
    const again = oneEvent(el, 'iwy-error');
    part(el, 'retry-button')!.click();
    await again;
    expect(mic.allEnded(), 'no microphone left live').to.equal(true);
  });

  it('429 with Retry-After: the message says when, and retry requests again', async () => {
    const { url, key } = scriptedSessionUrl({ status: 429, json: { error: 'rate_limited' }, retryAfter: '17' });
    const el = await fixture<IwyAgentElement>(html`<stub-iwy-agent agent-id=${AGENT} session-url=${url} mode="inline"></stub-iwy-agent>`);
    await el.start();
    await waitUntil(() => el.state === 'error', 'the first error', { timeout: 5000 });
    await el.updateComplete;
    expect(el.error?.code).to.equal('session-rate-limited');
    expect(part(el, 'error')!.textContent).to.contain('Try again in 17 s.');
    part(el, 'retry-button')!.click();
    await waitUntil(async () => (await receivedBodies(key)).length === 2, 'retried', { timeout: 5000 });
    await waitUntil(() => el.state === 'error', 'the second error', { timeout: 5000 });
    await waitUntil(() => mic.allEnded(), 'the microphone is released', { timeout: 5000 });
  });

  it('a full call: live video, then removing the element ends it and releases the mic', async () => {
    const { url } = scriptedSessionUrl({ json: { webrtcUrl: 'offer' } });
    const el = await fixture<IwyAgentElement>(html`<stub-iwy-agent agent-id=${AGENT} session-url=${url} mode="inline"></stub-iwy-agent>`);
    await el.start();
    await waitUntil(() => el.state === 'live', 'live', { timeout: 5000 });
    const video = canvasTrack();
    stub.last.cb.onAgentVideo(video);
    await el.updateComplete;
    expect((part<HTMLVideoElement>(el, 'video')!.srcObject as MediaStream).getVideoTracks()[0]).to.equal(video);
    const gone = oneEvent(el, 'iwy-disconnected');
    el.remove();
    expect((await gone).detail.reason).to.equal('removed');
    expect(el.state).to.equal('ended');
    expect(stub.last.disconnected).to.equal(true);
    expect(mic.allEnded(), 'no microphone left live').to.equal(true);
    video.stop();
  });
});
