/**
 * Side channels between `toNodeHandler` and the handler core, kept off the public API:
 * the body limit each handler was created with (so the adapter can buffer bodies up to it), and the
 * bodies the adapter already read (so the core need not build a full Request to stream them again),
 * and the JSON text of the core's answers (so the adapter need not stream it back out of a Response).
 */
export const bodyLimits = new WeakMap<object, number>();
export const prereadBodies = new WeakMap<Request, Uint8Array>();
export const answerTexts = new WeakMap<Response, string>();
