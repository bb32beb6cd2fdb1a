import { CANCELABLE_EVENTS, type IwyEventDetailMap, type IwyEventName } from '../events.js';

/** Outside the class, so the manifest lists the documented events rather than a generic one. */
export const fire = <K extends IwyEventName>(target: EventTarget, type: K, detail: IwyEventDetailMap[K]) =>
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: CANCELABLE_EVENTS.has(type) }));
