/**
 * `iwy-agent`: importing this module registers `<iwy-agent>` in the browser (its `<iwy-captions>`
 * and `<iwy-controls>` parts register with the call code on the first start()); in Node (SSR) it
 * defines nothing.
 * @example
 * import 'iwy-agent';
 * // <iwy-agent agent-id="demo" session-url="/api/iwy-session"></iwy-agent>
 */
import { defineIwyAgent } from './element/define.js';

export { IwyAgentElement } from './element/iwy-agent.element.js';
// Types only: the parts' code loads with the call, on the first start().
export type { IwyCaptionsElement } from './element/iwy-captions.js';
export type { IwyControlsElement } from './element/iwy-controls.js';
export { defineIwyAgent } from './element/define.js';
export { LANGUAGES, type UiStrings } from './element/i18n.js';
export { liveSessionContext, type LiveSession } from './context.js';
export type { SessionSnapshot, SessionActions, TranscriptEntry } from './session/snapshot.js';
export type { IwyAgentAttributes } from './attributes.js';
export * from './events.js';
export * from './session/states.js';
export * from './session/errors.js';

defineIwyAgent();
