/**
 * Every error the session handler answers, in one place: JSON `{error: <code>, message}` with the
 * status below, `Cache-Control: no-store`. The element maps statuses (401/403 → session-unauthorized,
 * 404 → agent-not-found, 429 → session-rate-limited, anything else → session-request-failed) and
 * shows its own codes as they are; the other codes here are for the site's developers.
 */
export const SESSION_ERRORS = {
  'invalid-request': {
    status: 400,
    message: 'Send POST JSON {"agentId": "<uuid>" | "demo", "context"?: {…}}.',
  },
  'session-unauthorized': { status: 401, message: 'You may not start this agent.' },
  'origin-not-allowed': { status: 403, message: 'This origin may not start sessions here.' },
  'agent-not-found': { status: 404, message: 'No such agent, or it has expired.' },
  'method-not-allowed': { status: 405, message: 'Use POST (or OPTIONS for a CORS preflight).' },
  'payload-too-large': { status: 413, message: 'The request body is too large.' },
  'unsupported-media-type': { status: 415, message: 'Send Content-Type: application/json.' },
  'session-rate-limited': { status: 429, message: 'Too many session requests; try again later.' },
  /** A site hook (authorize, context, ephemeral, agents, rate-limit store) threw; logged. */
  'internal-error': { status: 500, message: 'The session could not be started.' },
  /** iwy rejected the site's API key (wrong or revoked): the site's fault, logged for its owner. */
  'upstream-unauthorized': { status: 502, message: 'This site cannot start sessions right now.' },
  /** iwy failed (5xx, unreachable, reset, malformed or unexpected answer, or refused the request); logged. */
  'upstream-error': { status: 502, message: 'The agent service failed; try again.' },
  'upstream-timeout': { status: 504, message: 'The agent service did not answer in time.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type SessionErrorCode = keyof typeof SESSION_ERRORS;

export const SESSION_ERROR_CODES = Object.keys(SESSION_ERRORS) as SessionErrorCode[];

/** What `<iwy-agent>` reports for an answer with this status (see DESIGN.md). */
export function elementCodeForStatus(status: number) {
  if (status === 401 || status === 403) return 'session-unauthorized' as const;
  if (status === 404) return 'agent-not-found' as const;
  if (status === 429) return 'session-rate-limited' as const;
  return 'session-request-failed' as const;
}
