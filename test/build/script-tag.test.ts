import { expect } from '@open-wc/testing';

// The script-tag build (dist/iwy-agent.js, made by `npm run build`) loaded the way any site loads it:
// a plain <script type="module">, nothing else on the page.
function loadScriptTag(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`failed to load ${src}`));
    document.head.append(script);
  });
}

describe('script-tag build', () => {
  before(async () => {
    await loadScriptTag('/dist/iwy-agent.js');
    await customElements.whenDefined('iwy-agent');
  });

  it('registers <iwy-agent> and renders a labelled start control', async () => {
    const el = document.createElement('iwy-agent');
    el.setAttribute('agent-id', 'demo');
    el.setAttribute('mode', 'inline');
    document.body.append(el);
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const start = el.shadowRoot!.querySelector('[part~="start-button"]');
    expect(start, 'start control').to.exist;
    expect(start!.getAttribute('aria-label') ?? start!.textContent?.trim()).to.not.be.empty;
    expect(el.getAttribute('state')).to.equal('idle');
    el.remove();
  });

  it('loads no transport code and makes no request before start()', () => {
    const loaded = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.startsWith('/dist/'));
    expect(loaded).to.include('/dist/iwy-agent.js');
    // Lazy transport chunks stay unloaded until a call starts.
    const chunks = loaded.filter((p) => p.startsWith('/dist/chunks/'));
    for (const chunk of chunks) expect(chunk).to.not.match(/pipecat|webrtc|daily|transport/i);
    const other = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      // a browser may ask for /favicon.ico on its own
      .filter((p) => p !== '/favicon.ico')
      .filter((p) => !p.startsWith('/dist/') && !p.startsWith('/__web-dev-server') && !p.startsWith('/__web-test-runner__/') && !p.startsWith('/test/') && !p.startsWith('/node_modules/'));
    expect(other).to.deep.equal([]);
  });
});
