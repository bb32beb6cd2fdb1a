import type { SessionState } from './states.js';
import type { IwyAgentError } from './errors.js';

export interface TranscriptEntry {
  /** Stable per utterance: partial updates replace the entry with the same id. */
  id: number;
  role: 'user' | 'agent';
  text: string;
  final: boolean;
}

/** Immutable view of one session, replaced on every change; what the UI renders. */
export interface SessionSnapshot {
  readonly state: SessionState;
  readonly error: IwyAgentError | undefined;
  readonly micEnabled: boolean;
  /** 0..1 input level of the visitor's microphone. */
  readonly micLevel: number;
  readonly agentSpeaking: boolean;
  readonly userSpeaking: boolean;
  readonly transcript: readonly TranscriptEntry[];
  readonly agentVideo: MediaStreamTrack | undefined;
  readonly agentAudio: MediaStreamTrack | undefined;
}

/** What UI parts may ask of the session. */
export interface SessionActions {
  start(): Promise<void>;
  end(): Promise<void>;
  setMicEnabled(on: boolean): Promise<void>;
  sendText(text: string): void;
}

/** Before any call: what the element shows first and what a new controller starts from. */
export const IDLE_SNAPSHOT: SessionSnapshot = Object.freeze({
  state: 'idle',
  error: undefined,
  micEnabled: true,
  micLevel: 0,
  agentSpeaking: false,
  userSpeaking: false,
  transcript: [],
  agentVideo: undefined,
  agentAudio: undefined,
});
