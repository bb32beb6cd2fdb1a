import { expect, fixture, fixtureSync, html, oneEvent } from '@open-wc/testing';
import { IwyAgentElement } from '../../src/element/iwy-agent.element.js';
import { defineIwyAgent, defineTag } from '../../src/element/define.js';
import { loadCall } from '../../src/element/call-loader.js';
import type { IwyEventDetailMap } from '../../src/events.js';
import { canvasTrack, controlPart, part, type TestIwyAgent } from './fake-controller.js';

// fixtureSync for wrappers: fixture() awaits an animation frame for a plain <div>, which a
// background tab (wtr runs files in parallel) may never get.
const inline = () => fixture<TestIwyAgent>(html`<test-iwy-agent agent-id="demo" mode="inline"></test-iwy-agent>`);
const controlsReady = async (el: TestIwyAgent) => {
  await el.updateComplete;
  await (el.shadowRoot!.querySelector('iwy-controls') as IwyAgentElement | null)?.updateComplete;
};

describe('<iwy-agent> element', () => {
  it('is registered by the package entry; its parts come with the call code', async () => {
    expect(customElements.get('iwy-agent')).to.equal(IwyAgentElement);
    expect(document.createElement('iwy-agent')).to.be.instanceOf(IwyAgentElement);
    await loadCall();
    expect(customElements.get('iwy-captions')).to.exist;
    expect(customElements.get('iwy-controls')).to.exist;
  });

  it('define skips an already-registered tag and warns only on a foreign one', () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (msg: string) => warnings.push(msg);
    try {
      defineIwyAgent(); // same version: silent no-op
      expect(warnings).to.deep.equal([]);
      const registry = new Map<string, CustomElementConstructor>([['iwy-agent', class extends HTMLElement {}]]);
      const defined: string[] = [];
      const fake = { get: (t: string) => registry.get(t), define: (t: string) => defined.push(t) } as unknown as CustomElementRegistry;
      defineIwyAgent(fake);
      defineTag('iwy-controls', class extends HTMLElement {}, fake);
      expect(defined).to.deep.equal(['iwy-controls']);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('<iwy-agent> is already defined');
    } finally {
      console.warn = original;
    }
  });

  it('maps attributes to properties and reflects mode, lang and captions', async () => {
    const el = await fixture<TestIwyAgent>(html`<test-iwy-agent agent-id="demo" session-url="/s" mode="inline"
      lang="fr" autostart muted captions poster="data:image/gif;base64,R0lGODlhAQABAAAAACw="></test-iwy-agent>`);
    expect([el.agentId, el.sessionUrl, el.mode, el.lang]).to.deep.equal(['demo', '/s', 'inline', 'fr']);
    expect([el.autostart, el.muted, el.captions, el.poster]).to.deep.equal([true, true, true, 'data:image/gif;base64,R0lGODlhAQABAAAAACw=']);
    el.mode = 'floating';
    el.captions = false;
    await el.updateComplete;
    expect(el.getAttribute('mode')).to.equal('floating');
    expect(el.hasAttribute('captions')).to.equal(false);
    expect(el.fake.options.micEnabled, 'muted: the microphone starts off').to.equal(false);
  });

  it('defaults to floating and passes agent-id / session-url changes to the controller', async () => {
    const el = await fixture<TestIwyAgent>(html`<test-iwy-agent agent-id="demo"></test-iwy-agent>`);
    expect(el.mode).to.equal('floating');
    expect(el.fake.options).to.include({ agentId: 'demo', micEnabled: true });
    el.agentId = '6f1c2a9e-8b7d-4c3e-9f10-2a3b4c5d6e7f';
    el.sessionUrl = '/api/session';
    await el.updateComplete;
    expect(el.fake.options).to.include({ agentId: el.agentId, sessionUrl: '/api/session' });
  });

  it('passes timeouts to the controller, on creation and when they change', async () => {
    const el = document.createElement('test-iwy-agent') as TestIwyAgent;
    el.timeouts = { readyMs: 2000, reconnectMs: 4000 };
    el.setAttribute('agent-id', 'demo');
    document.body.append(el);
    try {
      await el.updateComplete;
      expect(el.fake.options).to.include({ readyTimeoutMs: 2000, reconnectTimeoutMs: 4000, requestTimeoutMs: undefined });
      el.timeouts = { requestMs: 500 };
      await el.updateComplete;
      expect(el.fake.options).to.include({ requestTimeoutMs: 500, readyTimeoutMs: undefined, reconnectTimeoutMs: undefined });
    } finally {
      el.remove();
    }
  });

  it('reflects the read-only state and error', async () => {
    const el = await inline();
    expect(el.state).to.equal('idle');
    expect(el.getAttribute('state')).to.equal('idle');
    el.fake.set({ state: 'requesting' });
    expect(el.getAttribute('state')).to.equal('requesting');
    el.fake.fail('agent-timeout');
    expect([el.state, el.getAttribute('state'), el.error?.code]).to.deep.equal(['error', 'error', 'agent-timeout']);
    expect(() => ((el as unknown as { state: string }).state = 'live')).to.throw();
  });

  it('starts from the start control and shows progress', async () => {
    const el = await inline();
    const started = oneEvent(el, 'iwy-state-change');
    part(el, 'start-button')!.click();
    const { detail } = await started;
    expect(detail).to.deep.equal({ state: 'requesting', previous: 'idle' });
    expect(el.fake.calls).to.include('start');
    await el.updateComplete;
    expect(part(el, 'status')!.textContent).to.equal('Connecting…');
    expect(part(el, 'status')!.getAttribute('role')).to.equal('status');
    expect(el.shadowRoot!.querySelector('.spinner')).to.exist;
  });

  it('dispatches typed events that bubble, compose and only cancel where documented', async () => {
    const host = fixtureSync<HTMLDivElement>(html`<div><test-iwy-agent agent-id="demo"></test-iwy-agent></div>`);
    const el = host.querySelector('test-iwy-agent')!;
    host.addEventListener('iwy-session-request', (e) => e.preventDefault(), { once: true });
    const request = oneEvent(host, 'iwy-session-request');
    await el.start();
    const e: CustomEvent<IwyEventDetailMap['iwy-session-request']> = await request;
    expect([e.bubbles, e.composed, e.cancelable, e.defaultPrevented]).to.deep.equal([true, true, true, true]);
    expect(e.detail.body.agentId).to.equal('demo');
    expect(el.state, 'a cancelled request goes back to idle').to.equal('idle');
    const mic = oneEvent(host, 'iwy-mic-change');
    await el.setMicEnabled(false);
    const m = await mic;
    expect([m.bubbles, m.composed, m.cancelable, m.detail.enabled]).to.deep.equal([true, true, false, false]);
  });

  it('forwards methods to the controller', async () => {
    const el = await inline();
    el.fake.goLive();
    await el.start();
    el.sendText('hello');
    await el.setMicEnabled(false);
    await el.end();
    expect(el.fake.calls).to.deep.equal(['start', 'text:hello', 'mic:false', 'end']);
    expect(el.state).to.equal('ended');
  });

  it('plays the agent: video fills the stage, audio plays, speaking shows', async () => {
    const el = await inline();
    const track = canvasTrack();
    const audio = new AudioContext().createMediaStreamDestination().stream.getAudioTracks()[0];
    el.fake.goLive({ agentVideo: track, agentAudio: audio, agentSpeaking: true });
    await el.updateComplete;
    const video = part<HTMLVideoElement>(el, 'video')!;
    expect((video.srcObject as MediaStream).getVideoTracks()).to.deep.equal([track]);
    expect([video.muted, video.autoplay, video.hasAttribute('playsinline')]).to.deep.equal([true, true, true]);
    expect(video.getBoundingClientRect().height).to.equal(part(el, 'stage')!.getBoundingClientRect().height);
    const player = el.shadowRoot!.querySelector('audio')!;
    expect((player.srcObject as MediaStream).getAudioTracks()).to.deep.equal([audio]);
    expect(part(el, 'status')!.textContent).to.contain('Speaking');
    el.fake.set({ agentSpeaking: false, micLevel: 0.5 });
    await controlsReady(el);
    expect(part(el, 'status')!.textContent).to.contain('Listening');
    expect(el.shadowRoot!.querySelector('iwy-controls')!.style.getPropertyValue('--iwy-mic-level')).to.equal('0.5');
    track.stop();
  });

  it('controls: mic toggle, text box and end call go through the session', async () => {
    const el = await inline();
    el.fake.goLive();
    await controlsReady(el);
    const mic = controlPart(el, 'mic-button')!;
    expect(mic.getAttribute('aria-label')).to.equal('Mute microphone');
    mic.click();
    await controlsReady(el);
    expect(el.fake.calls).to.include('mic:false');
    expect(controlPart(el, 'mic-button')!.getAttribute('aria-label')).to.equal('Unmute microphone');
    const input = controlPart<HTMLInputElement>(el, 'text-input')!;
    input.value = '  what time is it? ';
    input.dispatchEvent(new InputEvent('input'));
    await controlsReady(el);
    controlPart(el, 'send-button')!.click();
    await controlsReady(el);
    expect(el.fake.calls).to.include('text:what time is it?');
    expect(input.value).to.equal('');
    controlPart(el, 'end-button')!.click();
    expect(el.state).to.equal('ended');
  });

  it('captions: both sides in a polite live region, partial lines hidden until final', async () => {
    const el = await fixture<TestIwyAgent>(html`<test-iwy-agent agent-id="demo" mode="inline" captions></test-iwy-agent>`);
    el.fake.goLive({
      transcript: [
        { id: 1, role: 'user', text: 'Hi there', final: true },
        { id: 2, role: 'agent', text: 'Hello, how can', final: false },
      ],
    });
    await el.updateComplete;
    const captions = el.shadowRoot!.querySelector('iwy-captions')! as HTMLElement & { updateComplete: Promise<unknown> };
    await captions.updateComplete;
    const region = captions.shadowRoot!.querySelector('[aria-live="polite"]')!;
    const lines = [...region.querySelectorAll('p')];
    expect(lines.map((p) => p.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['You Hi there', 'Agent Hello, how can']);
    expect(lines.map((p) => p.getAttribute('aria-hidden'))).to.deep.equal(['false', 'true']);
  });

  it('slots: a host can replace the default captions and controls', async () => {
    const el = await fixture<TestIwyAgent>(html`<test-iwy-agent agent-id="demo" mode="inline" captions>
      <div slot="controls" id="mine"><button>custom</button></div><div slot="captions" id="cc">cc</div></test-iwy-agent>`);
    el.fake.goLive();
    await el.updateComplete;
    const controls = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=controls]')!;
    const captions = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=captions]')!;
    expect(controls.assignedElements()[0].id).to.equal('mine');
    expect(captions.assignedElements()[0].id).to.equal('cc');
  });

  it('two elements on a page share no state', async () => {
    const host = fixtureSync<HTMLDivElement>(html`<div>
      <test-iwy-agent agent-id="demo" mode="inline"></test-iwy-agent><test-iwy-agent agent-id="demo" mode="inline"></test-iwy-agent></div>`);
    const [a, b] = host.querySelectorAll('test-iwy-agent');
    await Promise.all([a.updateComplete, b.updateComplete]);
    expect(a.fake === b.fake, 'one controller each').to.equal(false);
    a.fake.goLive();
    await Promise.all([a.updateComplete, b.updateComplete]);
    expect([a.state, b.state]).to.deep.equal(['live', 'idle']);
    expect(part(b, 'start-button')).to.exist;
    expect(part(a, 'start-button')).to.not.exist;
  });

  it('removing the element mid-call disposes its controller; moving it does not', async () => {
    const host = fixtureSync<HTMLDivElement>(html`<div><test-iwy-agent agent-id="demo"></test-iwy-agent><p></p></div>`);
    const el = host.querySelector('test-iwy-agent')!;
    await el.updateComplete;
    el.fake.goLive();
    host.append(el); // a move: disconnected and connected in one task
    await Promise.resolve();
    expect(el.fake.disposed).to.equal(false);
    const fake = el.fake;
    const gone = oneEvent(el, 'iwy-disconnected');
    el.remove();
    expect((await gone).detail.reason).to.equal('removed');
    expect(fake.disposed).to.equal(true);
    host.append(el); // re-inserted later: a fresh session
    await el.updateComplete;
    expect(el.fake === fake, 'a new controller').to.equal(false);
    expect(el.state).to.equal('idle');
  });

  it('autostart starts once connected; without it nothing starts', async () => {
    const auto = await fixture<TestIwyAgent>(html`<test-iwy-agent agent-id="demo" autostart></test-iwy-agent>`);
    expect(auto.fake.calls).to.deep.equal(['start']);
    expect(auto.state).to.equal('requesting');
    const plain = await inline();
    expect(plain.fake.calls).to.deep.equal([]);
  });
});
