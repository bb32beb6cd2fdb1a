import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { EN, LANGUAGES, loadStrings, pickLanguage } from '../../src/element/i18n.js';
import { part, type TestIwyAgent } from './fake-controller.js';

const START: Record<string, string> = { es: 'Iniciar llamada', de: 'Anruf starten', ja: '通話を開始', no: 'Start samtale' };

describe('languages', () => {
  it('has a complete table for every language', async () => {
    expect(LANGUAGES).to.have.members(['en', 'es', 'fr', 'de', 'it', 'pt', 'nl', 'no', 'pl', 'ja', 'zh', 'ar']);
    for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
      const table = await loadStrings(lang);
      for (const key of Object.keys(EN) as (keyof typeof EN)[]) {
        expect(table[key], `${lang}.${key}`).to.be.a('string').and.not.empty;
      }
      expect(table.start, `${lang} is translated`).to.not.equal(EN.start);
      expect(table.retryIn, `${lang}.retryIn`).to.contain('{s}');
    }
  });

  it('maps language tags to tables', () => {
    expect(['es-MX', 'nb-NO', 'nn', 'zh-Hant-TW', 'pt_BR', 'xx', '', undefined].map(pickLanguage)).to.deep.equal(
      ['es', 'no', 'no', 'zh', 'pt', 'en', 'en', 'en'],
    );
  });

  it('picks the lang attribute, then the closest [lang] ancestor, then the document', async () => {
    const own = await fixture<TestIwyAgent>(html`<test-iwy-agent agent-id="demo" mode="inline" lang="es"></test-iwy-agent>`);
    expect(part(own, 'start-button')!.textContent!.trim()).to.equal(START.es);
    expect(own.shadowRoot!.querySelector('.root')!.getAttribute('lang')).to.equal('es');
    const box = fixtureSync<HTMLElement>(html`<div lang="de-AT"><test-iwy-agent agent-id="demo" mode="inline"></test-iwy-agent></div>`);
    const inherited = box.firstElementChild as TestIwyAgent;
    await inherited.updateComplete;
    expect(part(inherited, 'start-button')!.textContent!.trim()).to.equal(START.de);
    const before = document.documentElement.lang;
    document.documentElement.lang = 'ja';
    try {
      const page = await fixture<TestIwyAgent>(html`<test-iwy-agent agent-id="demo" mode="inline"></test-iwy-agent>`);
      expect(part(page, 'start-button')!.textContent!.trim()).to.equal(START.ja);
    } finally {
      document.documentElement.lang = before;
    }
    own.lang = 'nb';
    await own.updateComplete;
    expect(part(own, 'start-button')!.textContent!.trim()).to.equal(START.no);
  });

  it('shows error messages in the chosen language', async () => {
    const el = await fixture<TestIwyAgent>(html`<test-iwy-agent agent-id="demo" mode="inline" lang="fr"></test-iwy-agent>`);
    el.fake.fail('session-rate-limited', 9);
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).to.contain('Trop d’appels en ce moment. Réessayez dans 9 s.');
  });

  it('lays Arabic out right to left, the floating widget in the bottom-left corner', async () => {
    const el = await fixture<TestIwyAgent>(html`<test-iwy-agent agent-id="demo" lang="ar"></test-iwy-agent>`);
    const root = el.shadowRoot!.querySelector('.root')!;
    expect(root.getAttribute('dir')).to.equal('rtl');
    const bubble = part(el, 'bubble')!.getBoundingClientRect();
    expect(bubble.left).to.equal(20);
    part(el, 'bubble')!.click();
    el.fake.goLive();
    await el.updateComplete;
    const controls = el.shadowRoot!.querySelector('iwy-controls')! as HTMLElement & { updateComplete: Promise<unknown> };
    await controls.updateComplete;
    const mic = controls.shadowRoot!.querySelector('[part~=mic-button]')!.getBoundingClientRect();
    const end = controls.shadowRoot!.querySelector('[part~=end-button]')!.getBoundingClientRect();
    expect(mic.left, 'the mic starts the row on the right').to.be.greaterThan(end.left);
    expect(el.shadowRoot!.querySelector('.root.ltr, [dir=ltr]')).to.not.exist;
  });

  it('lets the page override any string, on top of the chosen language', async () => {
    const el = await fixture<TestIwyAgent>(html`<test-iwy-agent agent-id="demo" mode="inline" lang="es"
      .strings=${{ start: 'Hablar con Ana', title: 'Ana' }}></test-iwy-agent>`);
    expect(part(el, 'start-button')!.textContent!.trim()).to.equal('Hablar con Ana');
    expect(part(el, 'start-button')!.getAttribute('aria-label')).to.equal('Hablar con Ana');
    expect(part(el, 'panel')!.getAttribute('aria-label')).to.equal('Ana');
    el.fake.fail('mic-not-found');
    await el.updateComplete;
    expect(part(el, 'retry-button')!.textContent!.trim()).to.equal('Reintentar');
  });
});
