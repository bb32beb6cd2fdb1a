import type { EventSink } from '../events.js';
import type { TransportLoader } from '../transports/types.js';
import type { GetUserMedia } from './microphone.js';

/** How an element configures its SessionController (see controller-api.md). */
export interface SessionControllerOptions {
  /** Validated on start(): a UUID or "demo", else invalid-config (and no request is sent). */
  agentId: string;
  /** Default: iwy's public start-agent-session endpoint. */
  sessionUrl?: string;
  /** Initial microphone state (false when the `muted` attribute is set); default true. */
  micEnabled?: boolean;
  /** Raises the public iwy-* events; returns false when the event was cancelled. */
  emit: EventSink;
  /** Default: dynamic import of the adapter for the session's shape. */
  loadTransport?: TransportLoader;
  /** Session request timeout; default 15000. */
  requestTimeoutMs?: number;
  /** Connect → bot-ready; default 30000 → agent-timeout. */
  readyTimeoutMs?: number;
  /** Reconnecting longer than this → network-lost; default 15000. */
  reconnectTimeoutMs?: number;
  /** Default: navigator.mediaDevices.getUserMedia. */
  getUserMedia?: GetUserMedia;
}

export const TIMEOUT_OPTIONS = ['requestTimeoutMs', 'readyTimeoutMs', 'reconnectTimeoutMs'] as const;
/** What configure() may change between calls. */
export type ConfigurableOption = 'agentId' | 'sessionUrl' | (typeof TIMEOUT_OPTIONS)[number];
