import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { ERROR_CODES } from '../../src/session/errors.js';
import { EN } from '../../src/element/i18n.js';
import { part, type TestIwyAgent } from './fake-controller.js';

describe('error messages', () => {
  for (const code of ERROR_CODES) {
    it(`${code}: a plain-language message and a retry that starts again`, async () => {
      const el = await fixture<TestIwyAgent>(html`<test-iwy-agent agent-id="demo" mode="inline"></test-iwy-agent>`);
      el.fake.fail(code);
      await el.updateComplete;
      const box = part(el, 'error')!;
      expect(box.getAttribute('role')).to.equal('alert');
      expect(box.querySelector('.message')!.textContent).to.equal(EN[code]);
      const retry = part(el, 'retry-button')!;
      expect(retry.getAttribute('aria-label')).to.equal('Try again');
      const restarted = oneEvent(el, 'iwy-state-change');
      retry.click();
      expect((await restarted).detail).to.deep.equal({ state: 'requesting', previous: 'error' });
      expect(el.fake.calls).to.deep.equal(['start']);
      await el.updateComplete;
      expect(part(el, 'error')).to.not.exist;
    });
  }

  it('the rate-limit message says when to retry', async () => {
    const el = await fixture<TestIwyAgent>(html`<test-iwy-agent agent-id="demo" mode="inline"></test-iwy-agent>`);
    el.fake.fail('session-rate-limited', 42);
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).to.contain('Too many calls right now. Try again in 42 s.');
  });

  it('every message is distinct and short', () => {
    const messages = ERROR_CODES.map((c) => EN[c]);
    expect(new Set(messages).size).to.equal(ERROR_CODES.length);
    for (const m of messages) expect(m.length).to.be.within(10, 60);
  });
});
