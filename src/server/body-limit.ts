/**
 * The body limit each session handler was created with, so `toNodeHandler` can buffer bodies up to
 * it without the handler's options (kept off the public function object on purpose).
 */
export const bodyLimits = new WeakMap<object, number>();
