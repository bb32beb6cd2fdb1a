import type { SessionInfo } from '../session/session-info.js';

/**
 * What a transport adapter reports to the session controller. Adapters translate Pipecat's
 * callbacks into these; the controller alone decides states and public events.
 */
export interface TransportCallbacks {
  /** Media/signalling connected; the agent has not necessarily joined yet. */
  onConnected(): void;
  /** RTVI `bot-ready`: the agent is there and listening. */
  onAgentReady(): void;
  onAgentVideo(track: MediaStreamTrack | undefined): void;
  onAgentAudio(track: MediaStreamTrack | undefined): void;
  onTranscript(role: 'user' | 'agent', text: string, final: boolean): void;
  onAgentSpeaking(speaking: boolean): void;
  onUserSpeaking(speaking: boolean): void;
  /** Local microphone input level, 0..1. */
  onMicLevel(level: number): void;
  /** The connection dropped and the transport is trying to get it back. */
  onReconnecting(): void;
  /** The connection came back after onReconnecting(). */
  onReconnected(): void;
  /** The call ended without us asking: the agent left, or the network is gone for good. */
  onDisconnected(reason: 'agent' | 'network'): void;
}

export interface TransportConnectOptions {
  session: SessionInfo;
  /** The microphone the controller already acquired (so permission errors surface before connect). */
  micTrack: MediaStreamTrack | undefined;
  micEnabled: boolean;
  callbacks: TransportCallbacks;
  /** Aborted when the visitor ends the call or the element is removed. */
  signal: AbortSignal;
}

/** One live connection to an agent. Created per start(); never reused. */
export interface AgentTransport {
  /** Resolves once media is connected (not necessarily agent-ready); rejects with IwyAgentError. */
  connect(options: TransportConnectOptions): Promise<void>;
  setMicEnabled(on: boolean): void;
  sendText(text: string): void;
  /** Idempotent; releases every track and peer connection it made. */
  disconnect(): Promise<void>;
}

/** Loads the adapter for a session's shape; dynamic import keeps transports out of the first load. */
export type TransportLoader = (session: SessionInfo) => Promise<AgentTransport>;
