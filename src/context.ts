import { createContext } from '@lit/context';
import type { SessionActions, SessionSnapshot } from './session/snapshot.js';
import type { UiStrings } from './element/i18n.js';

/**
 * What sub-components (captions, controls, or a host's own slotted parts) consume.
 * The provider replaces the object on every change, so consumers with `subscribe: true` re-render.
 */
export interface LiveSession {
  snapshot: SessionSnapshot;
  actions: SessionActions;
  strings: UiStrings;
}

export const liveSessionContext = createContext<LiveSession | undefined>(Symbol.for('iwy-agent/live-session'));
