import { expect, fixture, html } from '@open-wc/testing';
import { canvasTrack, part, controlPart } from './fake-controller.js';

describe('smoke', () => {
  it('renders idle, live and error', async () => {
    const el = await fixture<import('./fake-controller.js').TestIwyAgent>(html`<test-iwy-agent agent-id="demo" mode="inline" captions style="height:500px"></test-iwy-agent>`);
    expect(part(el, 'start-button')).to.exist;
    el.fake.goLive({ agentVideo: canvasTrack(), transcript: [{ id: 1, role: 'agent', text: 'Hello', final: true }] });
    await el.updateComplete;
    expect(part(el, 'video')).to.exist;
    await (el.shadowRoot!.querySelector('iwy-controls') as any).updateComplete;
    expect(controlPart(el, 'mic-button')).to.exist;
    el.fake.fail('mic-in-use');
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).to.contain('another app');
  });
});
