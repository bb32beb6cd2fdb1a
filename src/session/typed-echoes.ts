/** How long after a send-text an identical final user transcript counts as the agent's echo of it. */
export const ECHO_WINDOW_MS = 5_000;

/**
 * Texts the visitor typed recently. Some Pipecat bots report send-text back as a `user-transcription`;
 * the controller already shows the typed line, so each sent text absorbs at most one such echo.
 */
export class TypedEchoes {
  #sent: { text: string; at: number }[] = [];

  constructor(private readonly now: () => number = () => performance.now()) {}

  sent(text: string): void {
    this.#prune();
    this.#sent.push({ text, at: this.now() });
  }

  /** True (and the sent text is used up) when `text` is the echo of a recent send. */
  isEcho(text: string): boolean {
    this.#prune();
    const i = this.#sent.findIndex((s) => s.text === text);
    if (i < 0) return false;
    this.#sent.splice(i, 1);
    return true;
  }

  #prune(): void {
    const oldest = this.now() - ECHO_WINDOW_MS;
    this.#sent = this.#sent.filter((s) => s.at >= oldest);
  }
}
