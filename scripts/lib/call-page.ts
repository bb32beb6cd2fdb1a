// Drives one <iwy-agent> in a Playwright page and reads what the page recorded (tests and benchmarks).
import type { Page } from 'playwright-core';

type Recorded = { type: string; detail: Record<string, unknown> };
type Win = { __events: Recorded[]; __pcs: RTCPeerConnection[]; __tracks: MediaStreamTrack[] };

/** Init script: records every iwy-* event, every peer connection and every microphone track. */
export function recordEvents(): void {
  const w = window as unknown as Win;
  w.__events = [];
  w.__pcs = [];
  w.__tracks = [];
  for (const type of ['iwy-state-change', 'iwy-connected', 'iwy-agent-ready', 'iwy-transcript', 'iwy-error', 'iwy-disconnected']) {
    document.addEventListener(type, (e) => w.__events.push({ type, detail: { ...(e as CustomEvent).detail } }));
  }
  const Native = RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      w.__pcs.push(this);
    }
  } as typeof RTCPeerConnection;
  const gum = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (c) => {
    const stream = await gum(c);
    w.__tracks.push(...stream.getTracks());
    return stream;
  };
}

export interface CallPage {
  states(): Promise<string[]>;
  count(type: string): Promise<number>;
  details(type: string): Promise<Record<string, unknown>[]>;
  waitForState(state: string, timeout?: number): Promise<void>;
  waitForStates(sequence: string[], timeout?: number): Promise<void>;
  waitForTranscript(role: 'user' | 'agent', match: (text: string) => boolean, timeout?: number): Promise<string>;
  video(): Promise<{ width: number; height: number; frames: number }>;
  sendText(text: string): Promise<void>;
  start(): Promise<void>;
  end(): Promise<void>;
  leftovers(): Promise<{ liveTracks: number; openPeerConnections: number }>;
}

export async function openCall(page: Page, agentId: string, timeouts: Record<string, number> = {}): Promise<CallPage> {
  await page.evaluate(
    ([id, t]) => {
      const el = document.createElement('iwy-agent');
      el.id = 'agent';
      el.setAttribute('agent-id', id);
      el.setAttribute('mode', 'inline');
      el.setAttribute('session-url', '/api/iwy-session');
      Object.assign(el, { timeouts: t });
      document.body.append(el);
      void el.start();
    },
    [agentId, timeouts] as const,
  );
  const events = () => page.evaluate(() => (window as unknown as Win).__events);
  const states = async () => (await events()).filter((e) => e.type === 'iwy-state-change').map((e) => String(e.detail.state));
  return {
    states,
    count: async (type) => (await events()).filter((e) => e.type === type).length,
    details: async (type) => (await events()).filter((e) => e.type === type).map((e) => e.detail),
    waitForState: (state, timeout = 20_000) =>
      page.waitForFunction((s) => document.getElementById('agent')?.getAttribute('state') === s, state, { timeout }).then(() => undefined),
    waitForStates: (sequence, timeout = 20_000) =>
      page
        .waitForFunction(
          (seq) => {
            const seen = (window as unknown as Win).__events.filter((e) => e.type === 'iwy-state-change').map((e) => e.detail.state);
            return seen.join(',').includes(seq.join(','));
          },
          sequence,
          { timeout },
        )
        .then(() => undefined),
    waitForTranscript: async (role, match, timeout = 20_000) => {
      const deadline = Date.now() + timeout;
      for (;;) {
        const found = (await events()).find((e) => e.type === 'iwy-transcript' && e.detail.role === role && e.detail.final && match(String(e.detail.text)));
        if (found) return String(found.detail.text);
        if (Date.now() > deadline) throw new Error(`no final ${role} transcript matched; events: ${JSON.stringify(await events())}`);
        await page.waitForTimeout(100);
      }
    },
    video: () =>
      page.evaluate(() => {
        const video = document.getElementById('agent')!.shadowRoot!.querySelector('video');
        return { width: video?.videoWidth ?? 0, height: video?.videoHeight ?? 0, frames: video?.getVideoPlaybackQuality().totalVideoFrames ?? 0 };
      }),
    sendText: (text) => page.evaluate((t) => document.querySelector('iwy-agent')!.sendText(t), text),
    start: () => page.evaluate(() => document.querySelector('iwy-agent')!.start()),
    end: () => page.evaluate(() => document.querySelector('iwy-agent')!.end()),
    leftovers: () =>
      page.evaluate(() => {
        const w = window as unknown as Win;
        return {
          liveTracks: w.__tracks.filter((t) => t.readyState === 'live').length,
          openPeerConnections: w.__pcs.filter((pc) => pc.connectionState !== 'closed' && pc.signalingState !== 'closed').length,
        };
      }),
  };
}
