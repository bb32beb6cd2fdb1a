/**
 * Everything a call needs beyond the first load, fetched on the first start(): the session
 * controller (with wretch), the call views and styles, and the <iwy-captions>/<iwy-controls> parts.
 */
import { defineTag } from './define.js';
import { IwyCaptionsElement } from './iwy-captions.js';
import { IwyControlsElement } from './iwy-controls.js';

export { SessionController } from '../session/controller.js';
export { audioView, callParts } from './call-view.js';
export { callStyles } from './call.styles.js';

defineTag('iwy-captions', IwyCaptionsElement);
defineTag('iwy-controls', IwyControlsElement);
