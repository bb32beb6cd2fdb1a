/**
 * Import for its effect: fails the running test file's next afterEach when a promise rejection
 * stayed unhandled. One handled late (`rejectionhandled`, as Pipecat does with a refused offer)
 * is not counted.
 */
const unhandled = new Map<Promise<unknown>, unknown>();
window.addEventListener('unhandledrejection', (e) => unhandled.set(e.promise, e.reason));
window.addEventListener('rejectionhandled', (e) => unhandled.delete(e.promise));

afterEach(async () => {
  // both events are dispatched from tasks: give them a few
  await new Promise((r) => setTimeout(r, 20));
  if (unhandled.size) {
    const reasons = [...unhandled.values()].map((r) => String((r as Error)?.stack ?? r));
    unhandled.clear();
    throw new Error(`unhandled promise rejection(s):\n${reasons.join('\n')}`);
  }
});
