// A web-test-runner launcher for Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi.
// It reuses @web/test-runner-chrome's launcher (which accepts any puppeteer and `browser: 'firefox'`)
// and only mends the one command Firefox ESR lacks. Nothing is downloaded: the binary is the system one.
import { existsSync } from 'node:fs';
import * as puppeteer from 'puppeteer-core';
import { chromeLauncher } from '@web/test-runner-chrome';

export const firefoxPath = process.env.IWY_FIREFOX_PATH || '/usr/bin/firefox-esr';

// Why Firefox is left out of this run, or undefined when it runs.
export function firefoxSkipReason() {
  if (process.env.IWY_SKIP_FIREFOX === '1') return 'IWY_SKIP_FIREFOX=1';
  if (!existsSync(firefoxPath)) return `${firefoxPath} not found (apt-get install -y firefox-esr)`;
  return undefined;
}

// Offline like the Chromium groups, autoplay allowed, fake camera/mic, WebRTC host candidates as plain
// addresses (no mDNS names). Firefox 140 gathers no 127.0.0.1 candidate here even with ice.loopback, and
// does not pair its own 192.0.2.2 with a peer's 127.0.0.1: a peer that keeps only loopback candidates
// (the simulator) gets "ICE failed". Without an audio device AudioContext stays "suspended".
const basePrefs = {
  'media.autoplay.default': 0,
  'media.autoplay.blocking_policy': 0,
  'media.autoplay.block-webaudio': false,
  'media.navigator.streams.fake': true,
  'media.peerconnection.ice.obfuscate_host_addresses': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

/** Prompts for camera/mic accepted without asking (the `browser` group's twin). */
export const allowMedia = { 'media.navigator.permission.disabled': true };
/** Prompts for camera/mic answered "block" (the `mic-denied` group's twin): getUserMedia → NotAllowedError. */
export const denyMedia = {
  'media.navigator.permission.disabled': false,
  'permissions.default.microphone': 2,
  'permissions.default.camera': 2,
};

// puppeteer 24's BiDi setViewport also sends emulation.setScreenOrientationOverride, which Firefox 140 ESR
// answers with "unknown command" — failing every session. Size the viewport alone, as wtr asks.
// (`browsingContext` is puppeteer-internal; without it, fall back to the stock call.)
function sizeViewportOnly(page) {
  const stock = page.setViewport.bind(page);
  page.setViewport = async (viewport) => {
    const context = page.mainFrame().browsingContext;
    if (!context?.setViewport || !viewport) return stock(viewport);
    await context.setViewport({ viewport: { width: viewport.width, height: viewport.height }, devicePixelRatio: null });
  };
  return page;
}

// wtr's sendKeys passes CDP key names; puppeteer's BiDi keyboard knows no "Space" (it throws "Unknown key").
function spaceAsCharacter(page) {
  const { keyboard } = page;
  for (const method of ['down', 'up', 'press']) {
    const stock = keyboard[method].bind(keyboard);
    keyboard[method] = (key, ...rest) => stock(key === 'Space' ? ' ' : key, ...rest);
  }
  return page;
}

export function firefoxLauncher(prefs = allowMedia) {
  return chromeLauncher({
    puppeteer,
    launchOptions: {
      browser: 'firefox',
      executablePath: firefoxPath,
      headless: true,
      extraPrefsFirefox: { ...basePrefs, ...prefs },
    },
    async createPage({ context }) {
      return spaceAsCharacter(sizeViewportOnly(await context.newPage()));
    },
  });
}

/** Firefox twins of the named Chromium groups (same files), or none with one clear line when skipped. */
export function firefoxGroups(groups, twins) {
  const reason = firefoxSkipReason();
  if (reason) {
    console.log(`[wtr] Firefox groups skipped: ${reason}`);
    return [];
  }
  return Object.entries(twins).flatMap(([name, { from, prefs }]) => {
    const source = groups.find((g) => g.name === from);
    return source ? [{ name, files: source.files, browsers: [firefoxLauncher(prefs)] }] : [];
  });
}
