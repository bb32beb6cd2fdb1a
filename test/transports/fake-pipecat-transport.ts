import { Transport, type PipecatClientOptions, type RTVIMessage, type Tracks, type TransportState } from '@pipecat-ai/client-js';
import type { TransportCallbacks } from '../../src/transports/types.js';

type Handler = (ev: { type: string; event: string }) => void;

/**
 * A Pipecat Transport that goes nowhere: it records what PipecatClient and the adapter ask of it and
 * lets the test play the agent (`rtvi()`), the media (`callbacks`) and daily-js's network events.
 */
export class FakePipecatTransport extends Transport {
  connectParams: unknown;
  readonly sent: RTVIMessage[] = [];
  readonly micChanges: boolean[] = [];
  disconnects = 0;
  destroyed = false;
  /** Set to make _connect() fail like a refused join. */
  failConnect = false;
  /** Set to keep _connect() pending (until disconnect). */
  hangConnect = false;
  readonly #network = new Set<Handler>();
  readonly dailyCallClient = {
    on: (_e: 'network-connection', h: Handler) => this.#network.add(h),
    off: (_e: 'network-connection', h: Handler) => this.#network.delete(h),
  };
  readonly _daily = { destroy: async () => void (this.destroyed = true) };

  constructor(readonly constructed: unknown = undefined) {
    super();
  }

  get callbacks() {
    return this._callbacks;
  }
  get networkListeners(): number {
    return this.#network.size;
  }
  network(event: 'interrupted' | 'connected'): void {
    for (const h of this.#network) h({ type: 'signaling', event });
  }
  /** A message from the bot, as it would arrive on the data channel / app-message. */
  rtvi(type: string, data: unknown = {}): void {
    this._onMessage({ id: crypto.randomUUID(), label: 'rtvi-ai', type, data } as unknown as RTVIMessage);
  }

  initialize(options: PipecatClientOptions, messageHandler: (ev: RTVIMessage) => void): void {
    this._options = options;
    this._callbacks = options.callbacks ?? {};
    this._onMessage = messageHandler;
    this.state = 'disconnected';
  }
  async initDevices(): Promise<void> {
    this.state = 'initialized';
  }
  _validateConnectionParams(params?: unknown): unknown {
    return params;
  }
  async _connect(params?: unknown): Promise<void> {
    this.connectParams = params;
    this.state = 'connecting';
    if (this.failConnect) throw new Error('join refused');
    if (this.hangConnect) await new Promise(() => undefined);
    this.state = 'connected';
    this._callbacks.onConnected?.();
  }
  async _disconnect(): Promise<void> {
    this.disconnects++;
    this.state = 'disconnected';
    this._callbacks.onDisconnected?.();
  }
  sendReadyMessage(): void {
    this.state = 'ready';
  }
  sendMessage(message: RTVIMessage): void {
    this.sent.push(message);
  }
  get state(): TransportState {
    return this._state;
  }
  set state(state: TransportState) {
    this._state = state;
  }
  enableMic(enable: boolean): void {
    this.micChanges.push(enable);
  }
  get isMicEnabled(): boolean {
    return this.micChanges.at(-1) ?? true;
  }
  async getAllMics(): Promise<MediaDeviceInfo[]> {
    return [];
  }
  async getAllCams(): Promise<MediaDeviceInfo[]> {
    return [];
  }
  async getAllSpeakers(): Promise<MediaDeviceInfo[]> {
    return [];
  }
  updateMic(): void {}
  updateCam(): void {}
  updateSpeaker(): void {}
  get selectedMic(): Record<string, never> {
    return {};
  }
  get selectedCam(): Record<string, never> {
    return {};
  }
  get selectedSpeaker(): Record<string, never> {
    return {};
  }
  enableCam(): void {}
  enableScreenShare(): void {}
  get isCamEnabled(): boolean {
    return false;
  }
  get isSharingScreen(): boolean {
    return false;
  }
  tracks(): Tracks {
    return { local: {} };
  }
}

/** TransportCallbacks that log each call as [name, ...args]. */
export function recordCallbacks() {
  const log: unknown[][] = [];
  const rec =
    (name: string) =>
    (...args: unknown[]) =>
      log.push([name, ...args]);
  const callbacks: TransportCallbacks = {
    onConnected: rec('connected'),
    onAgentReady: rec('agentReady'),
    onAgentVideo: rec('agentVideo'),
    onAgentAudio: rec('agentAudio'),
    onTranscript: rec('transcript'),
    onAgentSpeaking: rec('agentSpeaking'),
    onUserSpeaking: rec('userSpeaking'),
    onMicLevel: rec('micLevel'),
    onReconnecting: rec('reconnecting'),
    onReconnected: rec('reconnected'),
    onDisconnected: rec('disconnected'),
  };
  return { log, callbacks, names: () => log.map((e) => e[0] as string) };
}
