import type { BotLLMTextData, BotOutputData } from '@pipecat-ai/client-js';

/**
 * Turns RTVI's agent text into one caption per utterance. Pipecat sends the agent's words in
 * pieces (`bot-output`, word- or sentence-aggregated; older bots: `bot-transcription`), and marks
 * the end of an utterance only by `bot-stopped-speaking`. Word pieces follow the audio, sentences
 * run ahead of it, so words win when a bot sends both.
 */
export class AgentCaptions {
  #words: string[] = [];
  #sentences: string[] = [];
  #sawOutput = false;

  constructor(private readonly report: (text: string, final: boolean) => void) {}

  output(data: BotOutputData): void {
    this.#sawOutput = true;
    const text = data.text?.trim();
    if (!text) return;
    (data.aggregated_by === 'word' ? this.#words : this.#sentences).push(text);
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
    this.#words = [];
    this.#sentences = [];
    if (text) this.report(text, true);
  }

  #text(): string {
    return (this.#words.length ? this.#words : this.#sentences).join(' ');
  }
}
