// The page scripts/screenshot.mjs photographs: a mock host site with <iwy-agent> in idle,
// connecting, error (inline) and live (floating, expanded) states, driven by the test fake controller.
import type { TestIwyAgent } from '../test/element/fake-controller.js';
import '../test/element/fake-controller.js';

const q = new URLSearchParams(location.search);
const lang = q.get('lang') ?? 'en';
document.documentElement.lang = lang;
document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';

/** A talking head drawn on a canvas, so the live scene has real video frames. */
function avatarTrack(): MediaStreamTrack {
  const c = document.createElement('canvas');
  c.width = 480;
  c.height = 640;
  const g = c.getContext('2d')!;
  let t = 0;
  const draw = () => {
    const bg = g.createLinearGradient(0, 0, 480, 640);
    bg.addColorStop(0, '#dfe7f5');
    bg.addColorStop(1, '#b9c6e4');
    g.fillStyle = bg;
    g.fillRect(0, 0, 480, 640);
    g.fillStyle = '#cfd9ee';
    g.fillRect(40, 60, 150, 220); // a window behind
    g.fillStyle = '#2f3b59';
    g.beginPath();
    g.ellipse(240, 700, 190, 200, 0, 0, Math.PI * 2); // shoulders
    g.fill();
    g.fillStyle = '#d9a27f';
    g.fillRect(212, 380, 56, 80); // neck
    g.beginPath();
    g.ellipse(240, 300, 88, 110, 0, 0, Math.PI * 2); // face
    g.fill();
    g.fillStyle = '#3a2a22';
    g.beginPath();
    g.ellipse(240, 232, 96, 66, 0, Math.PI, Math.PI * 2); // hair
    g.fill();
    g.fillStyle = '#2a1d17';
    for (const x of [205, 275]) {
      g.beginPath();
      g.arc(x, 300, 7, 0, Math.PI * 2);
      g.fill();
    }
    g.fillStyle = '#9b4a43';
    g.beginPath();
    g.ellipse(240, 358, 22, 5 + 6 * Math.abs(Math.sin(t / 3)), 0, 0, Math.PI * 2); // mouth
    g.fill();
    t++;
  };
  draw();
  setInterval(draw, 80);
  return c.captureStream(15).getVideoTracks()[0];
}

const agent = (attrs: string) => `<test-iwy-agent agent-id="demo" ${attrs}></test-iwy-agent>`;
document.body.innerHTML = `
  <header><strong>◆ Northwind</strong><nav><a>Products</a><a>Pricing</a><a>Support</a></nav></header>
  <main>
    <h1>Talk to a product expert, face to face.</h1>
    <p>Idle, connecting and error inline; the floating widget is live at the corner.</p>
    <div class="row">
      ${agent('mode="inline" id="idle"')}
      ${agent('mode="inline" id="connecting"')}
      ${agent('mode="inline" id="error"')}
    </div>
  </main>
  ${agent('id="floating" captions')}`;

const el = (id: string) => document.getElementById(id) as TestIwyAgent;
await customElements.whenDefined('test-iwy-agent');
el('connecting').fake.set({ state: 'waiting' });
el('error').fake.fail('session-rate-limited', 30);
if (q.get('scene') !== 'bubble') {
  el('floating').fake.goLive({
    agentVideo: avatarTrack(),
    agentSpeaking: true,
    micLevel: 0.35,
    transcript: [
      { id: 1, role: 'user', text: 'Hi! Can I change my plan later?', final: true },
      { id: 2, role: 'agent', text: 'Of course — you can switch plans at any time from your account page.', final: true },
    ],
  });
}
(window as unknown as { __ready: boolean }).__ready = true;
