/**
 * One 10 ms interval shared by every playing session of a simulator (instead of two timers per session).
 * It runs only while someone listens, so an idle simulator keeps no timer alive.
 */
export class Ticker {
  private readonly listeners = new Set<(now: number) => void>();
  private timer: NodeJS.Timeout | undefined;

  add(listener: (now: number) => void): void {
    this.listeners.add(listener);
    this.timer ??= setInterval(() => {
      const now = performance.now();
      for (const l of this.listeners) l(now);
    }, 10);
  }

  delete(listener: (now: number) => void): void {
    this.listeners.delete(listener);
    if (this.listeners.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
