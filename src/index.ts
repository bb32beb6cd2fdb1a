/**
 * `iwy-agent`: importing this module registers `<iwy-agent>` (and its `<iwy-captions>` and
 * `<iwy-controls>` parts) in the browser; in Node (SSR) it defines nothing.
 * @example
 * import 'iwy-agent';
 * // <iwy-agent agent-id="demo" session-url="/api/iwy-session"></iwy-agent>
 */
import { defineIwyAgent } from './element/define.js';

export { IwyAgentElement } from './element/iwy-agent.element.js';
export { IwyCaptionsElement } from './element/iwy-captions.js';
export { IwyControlsElement } from './element/iwy-controls.js';
export { defineIwyAgent } from './element/define.js';
export { LANGUAGES, type UiStrings } from './element/i18n.js';
export { liveSessionContext, type LiveSession } from './context.js';
export type { SessionSnapshot, SessionActions, TranscriptEntry } from './session/snapshot.js';
export type { IwyAgentAttributes } from './attributes.js';
export * from './events.js';
export * from './session/states.js';
export * from './session/errors.js';

defineIwyAgent();
