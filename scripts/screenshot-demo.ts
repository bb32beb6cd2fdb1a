// Screenshots of the running demo (`npm start`) mid-call: `node --import tsx scripts/screenshot-demo.ts <url> <out.png>`.
import { launchChromium } from './lib/chromium.js';

const [url = 'http://127.0.0.1:5173/', out = 'screenshots/demo.png'] = process.argv.slice(2);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  await page.goto(url);
  await page.locator('iwy-agent#inline [part~="start-button"]').click();
  await page.waitForFunction(() => document.getElementById('inline')?.getAttribute('state') === 'live', null, { timeout: 30_000 });
  await page.waitForTimeout(2500);
  await page.fill('#text', 'What time is it?');
  await page.click('#send button[type=submit]');
  await page.waitForTimeout(2500);
  await page.screenshot({ path: out });
  console.log(`saved ${out}; inline state ${await page.getAttribute('#inline', 'state')}`);
} finally {
  await browser.close();
}
