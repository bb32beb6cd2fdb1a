import type { IwyErrorCode } from '../session/errors.js';

/** Every text the UI shows or announces. Error codes map to their plain-language message. */
export interface UiStrings extends Record<IwyErrorCode, string> {
  /** Name of the widget (panel label, idle heading). */
  title: string;
  /** Label of the floating bubble. */
  open: string;
  /** Collapses the floating panel. */
  close: string;
  start: string;
  connecting: string;
  waiting: string;
  reconnecting: string;
  ending: string;
  ended: string;
  live: string;
  speaking: string;
  listening: string;
  mute: string;
  unmute: string;
  end: string;
  message: string;
  send: string;
  you: string;
  agent: string;
  captions: string;
  retry: string;
  /** Appended to the rate-limit message when the server said when; `{s}` is seconds. */
  retryIn: string;
}

/** English: bundled, the fallback for every missing key and unknown language. */
export const EN: UiStrings = {
  title: 'Video assistant',
  open: 'Open video assistant',
  close: 'Minimize',
  start: 'Start call',
  connecting: 'Connecting…',
  waiting: 'Agent is joining…',
  reconnecting: 'Reconnecting…',
  ending: 'Ending call…',
  ended: 'Call ended',
  live: 'Live',
  speaking: 'Speaking',
  listening: 'Listening',
  mute: 'Mute microphone',
  unmute: 'Unmute microphone',
  end: 'End call',
  message: 'Type a message',
  send: 'Send',
  you: 'You',
  agent: 'Agent',
  captions: 'Captions',
  retry: 'Try again',
  retryIn: 'Try again in {s} s.',
  'invalid-config': 'This assistant is not set up correctly.',
  'session-request-failed': 'We could not start the call. Please try again.',
  'session-unauthorized': 'This site is not allowed to start calls.',
  'session-rate-limited': 'Too many calls right now.',
  'agent-not-found': 'This assistant is not available.',
  'mic-permission-denied': 'Allow microphone access to talk.',
  'mic-not-found': 'No microphone found.',
  'mic-in-use': 'Your microphone is used by another app.',
  'insecure-context': 'Calls need a secure (https) page.',
  'transport-failed': 'The connection failed. Please try again.',
  'agent-timeout': 'The assistant did not answer. Please try again.',
  'network-lost': 'The connection was lost.',
};

type Table = { default: UiStrings };
/** Other languages load on demand so the first load carries only English. */
const LOCALES: Record<string, () => Promise<Table>> = {
  es: () => import('./locales/es.js'),
  fr: () => import('./locales/fr.js'),
  de: () => import('./locales/de.js'),
  it: () => import('./locales/it.js'),
  pt: () => import('./locales/pt.js'),
  nl: () => import('./locales/nl.js'),
  no: () => import('./locales/no.js'),
  pl: () => import('./locales/pl.js'),
  ja: () => import('./locales/ja.js'),
  zh: () => import('./locales/zh.js'),
  ar: () => import('./locales/ar.js'),
};

/** Languages with a table, English included. */
export const LANGUAGES = ['en', ...Object.keys(LOCALES)];

/** BCP 47 tag → supported language ('nb-NO' → 'no', 'zh-Hant' → 'zh'), else 'en'. */
export function pickLanguage(tag: string | null | undefined): string {
  let base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  if (base === 'nb' || base === 'nn') base = 'no';
  return base in LOCALES ? base : 'en';
}

export const isRtl = (lang: string) => lang === 'ar';

/** The table of a supported language; unknown keys fall back to English. */
export async function loadStrings(lang: string): Promise<UiStrings> {
  const load = LOCALES[lang];
  return load ? { ...EN, ...(await load()).default } : EN;
}
