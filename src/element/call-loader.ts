import type { SessionController } from '../session/controller.js';

/** What the element needs from a session controller (tests may supply a fake). */
export type SessionControllerLike = Pick<
  SessionController,
  'snapshot' | 'subscribe' | 'configure' | 'start' | 'end' | 'setMicEnabled' | 'sendText' | 'dispose'
>;

export type CallModule = typeof import('./call.js');
let loaded: CallModule | undefined;
let loading: Promise<CallModule> | undefined;

/** The call code once loaded (synchronously, for rendering), else undefined. */
export const callModule = () => loaded;

/** The session code and call UI: fetched on the first start(), not with the page; shared by all elements. */
export const loadCall = (): Promise<CallModule> =>
  (loading ??= import('./call.js').then(
    (m) => (loaded = m),
    (e) => {
      loading = undefined; // let a retry fetch it again
      throw e;
    },
  ));
