import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';
import type { LitElement } from 'lit';
import { canvasTrack, part, type TestIwyAgent } from './fake-controller.js';

const axe = (globalThis as unknown as { axe: { run(ctx: Element, o: RunOptions): Promise<AxeResults> } }).axe;

/** axe-core on the element (its shadow trees included); returns "rule: target" per violation. */
async function violations(el: TestIwyAgent): Promise<string[]> {
  for (const e of [el, el.shadowRoot!.querySelector('iwy-controls'), el.shadowRoot!.querySelector('iwy-captions')]) {
    await (e as LitElement | null)?.updateComplete;
  }
  const result = await axe.run(el, { resultTypes: ['violations'], rules: { region: { enabled: false } } });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary}`));
}

for (const scheme of ['light', 'dark'] as const) {
  describe(`accessibility (axe-core, ${scheme} colour scheme)`, () => {
    before(async function () {
      try {
        await emulateMedia({ colorScheme: scheme });
      } catch {
        // Firefox over WebDriver BiDi cannot emulate media: it runs the default (light) scheme only.
        if (scheme === 'dark') this.skip();
      }
    });
    after(() => emulateMedia({ colorScheme: 'no-preference' }).catch(() => {}));

    it('idle (inline and floating), live, error: no violations', async () => {
      const inline = await fixture<TestIwyAgent>(html`<test-iwy-agent agent-id="demo" mode="inline" captions style="height:480px"></test-iwy-agent>`);
      expect(await violations(inline), 'idle inline').to.deep.equal([]);
      const floating = await fixture<TestIwyAgent>(html`<test-iwy-agent agent-id="demo" captions></test-iwy-agent>`);
      expect(await violations(floating), 'idle bubble').to.deep.equal([]);
      part(floating, 'bubble')!.click();
      expect(await violations(floating), 'idle panel').to.deep.equal([]);
      const track = canvasTrack();
      inline.fake.goLive({
        agentVideo: track,
        agentSpeaking: true,
        micLevel: 0.4,
        transcript: [
          { id: 1, role: 'user', text: 'Hello', final: true },
          { id: 2, role: 'agent', text: 'Hi, how can I help', final: false },
        ],
      });
      expect(await violations(inline), 'live').to.deep.equal([]);
      await inline.setMicEnabled(false);
      expect(await violations(inline), 'live, muted').to.deep.equal([]);
      inline.fake.fail('session-rate-limited', 12);
      expect(await violations(inline), 'error').to.deep.equal([]);
      floating.fake.set({ state: 'waiting' });
      expect(await violations(floating), 'waiting').to.deep.equal([]);
      track.stop();
    });

    it('can fail: an unlabelled button in the shadow root is reported', async () => {
      const el = await fixture<TestIwyAgent>(html`<test-iwy-agent agent-id="demo" mode="inline"></test-iwy-agent>`);
      expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(scheme === 'dark');
      el.shadowRoot!.querySelector('.stage')!.append(document.createElement('button'));
      expect((await violations(el)).join()).to.contain('button-name');
    });
  });
}

describe('reduced motion', () => {
  after(() => emulateMedia({ reducedMotion: 'no-preference' }).catch(() => {}));

  it('stops animations when the visitor prefers reduced motion', async function () {
    const el = await fixture<TestIwyAgent>(html`<test-iwy-agent agent-id="demo" mode="inline"></test-iwy-agent>`);
    const avatar = el.shadowRoot!.querySelector('.avatar')!;
    expect(getComputedStyle(avatar).animationName).to.equal('breathe');
    try {
      await emulateMedia({ reducedMotion: 'reduce' });
    } catch {
      this.skip(); // Firefox over WebDriver BiDi cannot emulate media
    }
    expect(getComputedStyle(avatar).animationName).to.equal('none');
    el.fake.set({ state: 'waiting' });
    await el.updateComplete;
    expect(getComputedStyle(el.shadowRoot!.querySelector('.spinner')!).animationName).to.equal('none');
  });
});
