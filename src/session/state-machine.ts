import type { SessionState } from './states.js';

/**
 * Every state change the session may make. Anything else is a bug in the controller, which refuses
 * it (the trace tests would show the gap). `error` is reachable from every state but `ending`:
 * once the visitor has asked to leave, a late failure no longer matters.
 */
export const TRANSITIONS: Readonly<Record<SessionState, readonly SessionState[]>> = {
  idle: ['requesting', 'error'],
  // back to idle: the host cancelled `iwy-session-request`
  requesting: ['connecting', 'idle', 'ending', 'error'],
  connecting: ['waiting', 'ending', 'error'],
  waiting: ['live', 'reconnecting', 'ending', 'error'],
  live: ['reconnecting', 'ending', 'error'],
  // back to waiting when the agent had not been ready before the drop
  reconnecting: ['live', 'waiting', 'ending', 'error'],
  ending: ['ended'],
  ended: ['requesting', 'error'],
  error: ['requesting'],
};

export const canTransition = (from: SessionState, to: SessionState): boolean =>
  TRANSITIONS[from].includes(to);
