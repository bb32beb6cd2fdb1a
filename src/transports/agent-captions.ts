import type { BotLLMTextData, BotOutputData } from '@pipecat-ai/client-js';

/** How many finished segment ids are remembered (a late update only ever concerns recent ones). */
const DONE_SEGMENTS = 64;

/**
 * Turns RTVI's agent text into one caption per utterance. Pipecat sends the agent's words in
 * pieces (`bot-output`, word- or sentence-aggregated; older bots: `bot-transcription`), and marks
 * the end of an utterance only by `bot-stopped-speaking`. Word pieces follow the audio, sentences
 * run ahead of it, so words win when a bot sends both.
 *
 * RTVI 2.x bots number their segments (`segment_id`) and send each one several times as it is
 * spoken (`spoken_status` new → in-progress → completed): the latest text of a segment replaces
 * the earlier ones, and a segment already in a final caption stays there. Without that, an
 * update arriving after `bot-stopped-speaking` (an interrupted greeting's "completed", when the
 * visitor cuts in) would open a second caption with the same words, finalised at the next stop.
 */
export class AgentCaptions {
  #words: string[] = [];
  #sentences: string[] = [];
  #segments = new Map<number, string>();
  #done: number[] = [];
  #sawOutput = false;

  constructor(private readonly report: (text: string, final: boolean) => void) {}

  output(data: BotOutputData): void {
    this.#sawOutput = true;
    const text = data.text?.trim();
    if (!text) return;
    const segment = data.segment_id;
    if (segment !== undefined) {
      if (this.#done.includes(segment)) return;
      this.#segments.set(segment, text);
    } else (data.aggregated_by === 'word' ? this.#words : this.#sentences).push(text);
    this.report(this.#text(), false);
  }

  /** `bot-transcription`, for bots older than `bot-output`; ignored once bot-output is seen. */
  legacy(data: BotLLMTextData): void {
    if (this.#sawOutput || !data.text?.trim()) return;
    this.#sentences.push(data.text.trim());
    this.report(this.#text(), false);
  }

  /** The agent stopped speaking: the open caption, if any, becomes final. */
  stoppedSpeaking(): void {
    const text = this.#text();
    this.#done = [...this.#done, ...this.#segments.keys()].slice(-DONE_SEGMENTS);
    this.#segments.clear();
    this.#words = [];
    this.#sentences = [];
    if (text) this.report(text, true);
  }

  #text(): string {
    if (this.#segments.size) return [...this.#segments.values()].join(' ');
    return (this.#words.length ? this.#words : this.#sentences).join(' ');
  }
}
