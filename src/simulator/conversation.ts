import { randomUUID } from 'node:crypto';
import type { Tool } from '../server/models.js';
import { callWebhook } from './webhook.js';

/** RTVI 2.1 as Pipecat's client speaks it: JSON `{label:'rtvi-ai', type, id, data}` on the `chat` channel. */
export const RTVI_VERSION = '2.1.0';
const MAX_TEXT = 4_000;

export interface ConversationHooks {
  send(message: string): void;
  speak(text: string): Promise<void>;
  /** Stops the current utterance: typed text interrupts the agent, as speech would. */
  interrupt(): void;
  /** The visitor sent disconnect-bot. */
  onDisconnectRequested(): void;
  /** After bot-ready went out (fault timers start here). */
  onReady(): void;
}

/** Words of a tool's name and tags that, found in the visitor's text, make the agent call it. */
function triggers(tool: Tool): string[] {
  const words = [...tool.name.split('_'), ...(tool.tags ?? [])].map((w) => w.toLowerCase());
  return [tool.name.toLowerCase(), ...words.filter((w) => w.length >= 4)];
}

/** What a webhook's answer sounds like when spoken: its `result`/`message`/`text`, or compact JSON. */
function spokenAnswer(body: unknown): string {
  if (typeof body === 'string') return body.slice(0, 300);
  const o = (body ?? {}) as Record<string, unknown>;
  const field = [o.result, o.message, o.text, o.answer].find((v) => typeof v === 'string') as string | undefined;
  return (field ?? JSON.stringify(body)).slice(0, 300);
}

/**
 * The simulated agent's side of the conversation: answers `client-ready` with `bot-ready`, says the first
 * message, answers typed text with a reply, and calls an attached tool when the text names it.
 * Anything else on the channel (`ping: …` keep-alives, signalling, garbage) is ignored.
 */
export class Conversation {
  private ready = false;
  private turn: Promise<void> = Promise.resolve();
  private readonly abort = new AbortController();

  constructor(
    private readonly firstMessage: string,
    private readonly tools: Tool[],
    private readonly options: { neverReady: boolean },
    private readonly hooks: ConversationHooks,
  ) {}

  private emit(type: string, data: unknown): void {
    this.hooks.send(JSON.stringify({ label: 'rtvi-ai', type, id: randomUUID().slice(0, 8), data }));
  }

  receive(raw: string): void {
    if (raw.length > 64_000 || !raw.startsWith('{')) return;
    let message: { label?: unknown; type?: unknown; id?: unknown; data?: unknown };
    try {
      message = JSON.parse(raw) as typeof message;
    } catch {
      return;
    }
    if (message?.label !== 'rtvi-ai') return;
    if (message.type === 'client-ready') this.onClientReady();
    else if (message.type === 'send-text' && this.ready) {
      const content = (message.data as { content?: unknown } | undefined)?.content;
      if (typeof content === 'string' && content.trim()) this.onText(content.slice(0, MAX_TEXT));
    } else if (message.type === 'disconnect-bot') this.hooks.onDisconnectRequested();
  }

  private onClientReady(): void {
    // A second client-ready (a reconnected client) gets bot-ready again but no second greeting.
    if (this.options.neverReady) return;
    this.emit('bot-ready', { version: RTVI_VERSION, about: { library: 'iwy-simulator' } });
    if (this.ready) return;
    this.ready = true;
    this.hooks.onReady();
    if (this.firstMessage) this.say(this.firstMessage);
  }

  private onText(text: string): void {
    // Typed text is not transcribed: Pipecat's server appends send-text to the LLM context and
    // sends no user-transcription for it (only speech is transcribed).
    this.hooks.interrupt();
    const lower = text.toLowerCase();
    const tool = this.tools.find((t) => triggers(t).some((w) => lower.includes(w)));
    if (tool) this.enqueue(() => this.useTool(tool, text));
    else this.say(`You said: ${text}. I am a simulated iwy agent, so that is all I can tell you.`);
  }

  private async useTool(tool: Tool, text: string): Promise<void> {
    const toolCallId = randomUUID();
    this.emit('llm-function-call-started', { function_name: tool.name });
    const result = await callWebhook(tool, { query: text }, this.abort.signal);
    if (this.abort.signal.aborted) return;
    const answer = result.ok ? spokenAnswer(result.response?.body) : `Sorry, ${tool.name} did not work: ${result.error ?? `status ${result.response?.status}`}.`;
    this.emit('llm-function-call-stopped', { function_name: tool.name, tool_call_id: toolCallId, cancelled: false, result: result.response?.body });
    await this.speakTurn(answer);
  }

  /** Speaks after whatever is being said now; the text goes out as the agent's transcript. */
  say(text: string): void {
    this.enqueue(() => this.speakTurn(text));
  }

  private enqueue(step: () => Promise<void>): void {
    this.turn = this.turn.then(step).catch(() => undefined);
  }

  private async speakTurn(text: string): Promise<void> {
    if (this.abort.signal.aborted) return;
    this.emit('bot-llm-started', {});
    this.emit('bot-output', { text, aggregated_by: 'sentence', will_be_spoken: true });
    this.emit('bot-transcription', { text });
    this.emit('bot-llm-stopped', {});
    this.emit('bot-started-speaking', {});
    await this.hooks.speak(text);
    if (!this.abort.signal.aborted) this.emit('bot-stopped-speaking', {});
  }

  /** Tells the client the agent leaves (Pipecat's `peerLeft` signalling → onBotDisconnected). */
  leave(): void {
    this.hooks.send(JSON.stringify({ type: 'signalling', message: { type: 'peerLeft' } }));
  }

  stop(): void {
    this.abort.abort();
  }
}
