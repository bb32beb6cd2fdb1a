import type { SessionState } from './session/states.js';
import type { IwyErrorCode } from './session/errors.js';

/** Why a call ended. */
export type DisconnectReason = 'user' | 'agent' | 'network' | 'error' | 'removed';

/** The body POSTed to `session-url`; hosts may add `context` in `iwy-session-request`. */
export interface SessionRequestBody {
  agentId: string;
  context?: Record<string, unknown>;
}

/** `detail` of every `iwy-*` event. Public API: keep names and fields. */
export interface IwyEventDetailMap {
  'iwy-state-change': { state: SessionState; previous: SessionState };
  'iwy-session-request': { body: SessionRequestBody };
  'iwy-connected': Record<string, never>;
  'iwy-agent-ready': Record<string, never>;
  'iwy-transcript': { role: 'user' | 'agent'; text: string; final: boolean };
  'iwy-agent-speaking': { speaking: boolean };
  'iwy-user-speaking': { speaking: boolean };
  'iwy-mic-change': { enabled: boolean };
  'iwy-disconnected': { reason: DisconnectReason; durationMs: number };
  'iwy-error': { code: IwyErrorCode; message: string; recoverable: boolean };
}

export type IwyEventName = keyof IwyEventDetailMap;

/** Only `iwy-session-request` can be cancelled (preventDefault() stops the start). */
export const CANCELABLE_EVENTS: ReadonlySet<IwyEventName> = new Set(['iwy-session-request']);

/** How non-DOM code (the session controller) raises a public event; returns false when cancelled. */
export type EventSink = <K extends IwyEventName>(type: K, detail: IwyEventDetailMap[K]) => boolean;

declare global {
  interface HTMLElementEventMap {
    'iwy-state-change': CustomEvent<IwyEventDetailMap['iwy-state-change']>;
    'iwy-session-request': CustomEvent<IwyEventDetailMap['iwy-session-request']>;
    'iwy-connected': CustomEvent<IwyEventDetailMap['iwy-connected']>;
    'iwy-agent-ready': CustomEvent<IwyEventDetailMap['iwy-agent-ready']>;
    'iwy-transcript': CustomEvent<IwyEventDetailMap['iwy-transcript']>;
    'iwy-agent-speaking': CustomEvent<IwyEventDetailMap['iwy-agent-speaking']>;
    'iwy-user-speaking': CustomEvent<IwyEventDetailMap['iwy-user-speaking']>;
    'iwy-mic-change': CustomEvent<IwyEventDetailMap['iwy-mic-change']>;
    'iwy-disconnected': CustomEvent<IwyEventDetailMap['iwy-disconnected']>;
    'iwy-error': CustomEvent<IwyEventDetailMap['iwy-error']>;
  }
}
