import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import { controlPart, part, type TestIwyAgent } from './fake-controller.js';

const floating = () => fixture<TestIwyAgent>(html`<test-iwy-agent agent-id="demo"></test-iwy-agent>`);
/** What has focus inside the element, looking through the <iwy-controls> shadow root too. */
const focused = (el: TestIwyAgent): Element | null => {
  const inner = el.shadowRoot!.activeElement;
  return inner?.shadowRoot?.activeElement ?? inner;
};
const settle = async (el: TestIwyAgent) => {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    await (el.shadowRoot!.querySelector('iwy-controls') as LitElement | null)?.updateComplete;
  }
};

describe('floating mode and keyboard', () => {
  it('shows only a labelled bubble fixed at the bottom corner until opened', async () => {
    const el = await floating();
    const bubble = part(el, 'bubble')!;
    expect(bubble.getAttribute('aria-label')).to.equal('Open video assistant');
    expect(part(el, 'panel')).to.not.exist;
    const r = bubble.getBoundingClientRect();
    expect([r.width, r.height]).to.deep.equal([64, 64]);
    expect(innerWidth - r.right).to.equal(20);
    expect(innerHeight - r.bottom).to.equal(20);
    expect(getComputedStyle(bubble.parentElement!).position).to.equal('fixed');
  });

  it('Enter on the bubble opens the panel and focuses the start control; Escape closes it', async () => {
    const el = await floating();
    part(el, 'bubble')!.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    const panel = part(el, 'panel')!;
    expect(panel.getAttribute('role')).to.equal('dialog');
    expect([panel.offsetWidth, panel.offsetHeight], 'untransformed size').to.deep.equal([360, 560]);
    expect(focused(el)).to.equal(part(el, 'start-button'));
    expect(getComputedStyle(part(el, 'start-button')!).outlineStyle, 'keyboard focus is visible').to.equal('solid');
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(part(el, 'panel')).to.not.exist;
    expect(focused(el)).to.equal(part(el, 'bubble'));
  });

  it('Space on start begins the call and moves focus into the call controls; ending returns it', async () => {
    const el = await floating();
    part(el, 'bubble')!.click();
    await settle(el);
    part(el, 'start-button')!.focus();
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(el.fake.calls).to.deep.equal(['start']);
    expect(focused(el)).to.equal(controlPart(el, 'mic-button'));
    el.fake.goLive();
    await settle(el);
    controlPart(el, 'end-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.state).to.equal('ended');
    expect(focused(el)).to.equal(part(el, 'start-button'));
  });

  it('the close control collapses a running call into the bubble, which shows it is in a call', async () => {
    const el = await floating();
    await el.start(); // a call started by the page opens the panel
    await settle(el);
    expect(part(el, 'panel')).to.exist;
    part(el, 'close-button')!.click();
    await settle(el);
    expect(el.state, 'the call keeps running').to.equal('requesting');
    expect(part(el, 'bubble')!.classList.contains('in-call')).to.equal(true);
    part(el, 'bubble')!.click();
    await settle(el);
    expect(focused(el)).to.equal(controlPart(el, 'mic-button'));
  });

  it('an error moves focus to retry, and retry starts again', async () => {
    const el = await floating();
    part(el, 'bubble')!.click();
    await settle(el);
    part(el, 'start-button')!.click();
    await settle(el);
    el.fake.fail('transport-failed');
    await settle(el);
    expect(focused(el)).to.equal(part(el, 'retry-button'));
    const again = oneEvent(el, 'iwy-state-change');
    await sendKeys({ press: 'Enter' });
    expect((await again).detail.state).to.equal('requesting');
  });

  it('inline mode fills its box', async () => {
    const el = await fixture<TestIwyAgent>(html`<test-iwy-agent agent-id="demo" mode="inline" style="width:420px;height:500px"></test-iwy-agent>`);
    const r = part(el, 'panel')!.getBoundingClientRect();
    expect([r.width, r.height]).to.deep.equal([420, 500]);
    expect(part(el, 'bubble')).to.not.exist;
    expect(part(el, 'close-button')).to.not.exist;
  });

  it('labels every control in every state', async () => {
    const el = await floating();
    const unlabelled = () =>
      [el.shadowRoot!, el.shadowRoot!.querySelector('iwy-controls')?.shadowRoot]
        .flatMap((root) => [...(root?.querySelectorAll('button, input') ?? [])])
        .filter((c) => !c.getAttribute('aria-label')?.trim());
    expect(unlabelled()).to.deep.equal([]);
    part(el, 'bubble')!.click();
    await settle(el);
    expect(unlabelled()).to.deep.equal([]);
    el.fake.goLive();
    await settle(el);
    expect(el.shadowRoot!.querySelector('iwy-controls')!.shadowRoot!.querySelectorAll('button, input')).to.have.length(4);
    expect(unlabelled()).to.deep.equal([]);
    el.fake.fail('network-lost');
    await settle(el);
    expect(unlabelled()).to.deep.equal([]);
  });
});
