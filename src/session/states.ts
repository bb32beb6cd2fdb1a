/** Every state a session can be in, in lifecycle order. Public API: reflected as the `state` attribute. */
export const SESSION_STATES = [
  'idle',
  'requesting',
  'connecting',
  'waiting',
  'live',
  'reconnecting',
  'ending',
  'ended',
  'error',
] as const;

export type SessionState = (typeof SESSION_STATES)[number];

/** States in which a call is under way (start() is a no-op, end() tears down). */
export const ACTIVE_STATES: ReadonlySet<SessionState> = new Set([
  'requesting',
  'connecting',
  'waiting',
  'live',
  'reconnecting',
]);
