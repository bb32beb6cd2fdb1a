import { LogLevel, PipecatClient, logger, type Transport } from '@pipecat-ai/client-js';
import { IwyAgentError, isIwyAgentError } from '../session/errors.js';
import type { SessionInfo } from '../session/session-info.js';
import { mediaCallbacks } from './pipecat-callbacks.js';
import type { AgentTransport, TransportConnectOptions } from './types.js';

/** What differs between Pipecat transports; everything else is PipecatAgentTransport's job. */
export interface PipecatTransportSpec {
  /** Builds the Pipecat transport for one call. */
  create(options: TransportConnectOptions, link: LinkReporter): Transport;
  /** What `PipecatClient.connect()` is given for this session. */
  connectParams(session: SessionInfo): unknown;
  /** Extra wiring once the transport exists (network events, level meter); returns its cleanup. */
  attach?(transport: Transport, options: TransportConnectOptions, link: LinkReporter): () => void;
  /** Frees what `disconnect()` leaves behind. */
  dispose?(transport: Transport): Promise<void> | void;
}

/** Transports report their network link going down (they are retrying) and coming back. */
export type LinkReporter = (up: boolean) => void;

// Pipecat logs every step at debug level by default: far too chatty for a widget on someone's page.
logger.setLevel(LogLevel.WARN);

/**
 * One call through Pipecat's client. `connect()` resolves as soon as media is connected (Pipecat's
 * own connect() waits for bot-ready and has no timeout); bot-ready arrives as `onAgentReady`.
 */
export class PipecatAgentTransport implements AgentTransport {
  #client: PipecatClient | undefined;
  #transport: Transport | undefined;
  #cleanup: (() => void) | undefined;
  #closing = false;
  #disconnected: Promise<void> | undefined;

  constructor(private readonly spec: PipecatTransportSpec) {}

  connect(options: TransportConnectOptions): Promise<void> {
    const { callbacks, signal } = options;
    if (this.#client || this.#closing) return Promise.reject(new Error('A transport connects once.'));
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      let linkDown = false;
      const settle = (error?: unknown) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        if (error === undefined) resolve();
        else reject(error);
      };
      // The call ended without us asking: before media connected that is a failed connect.
      const ended = (reason: 'agent' | 'network') => {
        if (this.#closing) return;
        if (settled) callbacks.onDisconnected(reason);
        else settle(new IwyAgentError('transport-failed', 'The call could not be connected.'));
        void this.disconnect();
      };
      const link: LinkReporter = (up) => {
        if (!settled || this.#closing || up !== linkDown) return;
        linkDown = !up;
        if (up) callbacks.onReconnected();
        else callbacks.onReconnecting();
      };
      const onAbort = () => {
        settle(signal.reason);
        void this.disconnect();
      };
      signal.addEventListener('abort', onAbort, { once: true });

      try {
        const transport = this.spec.create(options, link);
        this.#transport = transport;
        this.#client = new PipecatClient({
          transport,
          enableMic: options.micEnabled,
          enableCam: false,
          callbacks: {
            ...mediaCallbacks(callbacks),
            onConnected: () => {
              settle();
              callbacks.onConnected();
            },
            onBotReady: () => {
              settle();
              callbacks.onAgentReady();
            },
            onBotDisconnected: () => ended('agent'),
            onDisconnected: () => ended('network'),
          },
        });
        this.#cleanup = this.spec.attach?.(transport, options, link);
        this.#client.connect(this.spec.connectParams(options.session)).catch((e: unknown) => {
          settle(transportFailed(e));
          void this.disconnect();
        });
      } catch (e) {
        settle(transportFailed(e));
        void this.disconnect();
      }
    });
  }

  setMicEnabled(on: boolean): void {
    if (!this.#client || this.#closing) return;
    try {
      this.#client.enableMic(on);
    } catch (e) {
      console.warn('[iwy-agent] could not switch the microphone', e);
    }
  }

  sendText(text: string): void {
    if (!this.#client || this.#closing) return;
    const warn = (e: unknown) => console.warn('[iwy-agent] could not send the text', e);
    try {
      // Pipecat throws synchronously when the transport is not 'ready', and rejects on send errors.
      this.#client.sendText(text).catch(warn);
    } catch (e) {
      warn(e);
    }
  }

  disconnect(): Promise<void> {
    this.#disconnected ??= (async () => {
      this.#closing = true;
      this.#cleanup?.();
      try {
        // Tell the agent the visitor hung up, so it leaves (and stops costing minutes) at once rather
        // than when it notices the peer is gone.
        if (this.#client?.state === 'ready') this.#client.disconnectBot();
      } catch {
        // Not ready or already closed: the disconnect below ends it anyway.
      }
      try {
        await this.#client?.disconnect();
      } catch {
        // Already gone: nothing left to release.
      }
      try {
        if (this.#transport) await this.spec.dispose?.(this.#transport);
      } catch (e) {
        console.warn('[iwy-agent] could not free the transport', e);
      }
    })();
    return this.#disconnected;
  }
}

const transportFailed = (e: unknown): IwyAgentError =>
  isIwyAgentError(e) ? e : new IwyAgentError('transport-failed', 'The call could not be connected.', { cause: e });
