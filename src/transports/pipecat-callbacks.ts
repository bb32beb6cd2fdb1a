import type { Participant, RTVIEventCallbacks } from '@pipecat-ai/client-js';
import { AgentCaptions } from './agent-captions.js';
import type { TransportCallbacks } from './types.js';

/**
 * Maps Pipecat's media, speech and transcript callbacks to ours. Lifecycle callbacks (connected,
 * bot-ready, disconnected) belong to the adapter, which alone knows who ended the call.
 */
export function mediaCallbacks(cb: TransportCallbacks): RTVIEventCallbacks {
  const captions = new AgentCaptions((text, final) => cb.onTranscript('agent', text, final));
  const current: { audio?: MediaStreamTrack; video?: MediaStreamTrack } = {};
  const remote = (track: MediaStreamTrack, p?: Participant) =>
    !p?.local && (track.kind === 'audio' || track.kind === 'video');
  const report = (kind: 'audio' | 'video', track: MediaStreamTrack | undefined) =>
    kind === 'audio' ? cb.onAgentAudio(track) : cb.onAgentVideo(track);

  return {
    onTrackStarted: (track, p) => {
      if (!remote(track, p)) return;
      const kind = track.kind as 'audio' | 'video';
      if (current[kind] === track) return; // unmuted again, or re-reported after an ICE restart
      current[kind] = track;
      report(kind, track);
    },
    onTrackStopped: (track, p) => {
      const kind = track.kind as 'audio' | 'video';
      if (!remote(track, p) || current[kind] !== track) return;
      current[kind] = undefined;
      report(kind, undefined);
    },
    onBotStartedSpeaking: () => cb.onAgentSpeaking(true),
    onBotStoppedSpeaking: () => {
      captions.stoppedSpeaking();
      cb.onAgentSpeaking(false);
    },
    onUserStartedSpeaking: () => cb.onUserSpeaking(true),
    onUserStoppedSpeaking: () => cb.onUserSpeaking(false),
    onUserTranscript: (data) => {
      if (data.text?.trim()) cb.onTranscript('user', data.text.trim(), data.final);
    },
    onBotOutput: (data) => captions.output(data),
    onBotTranscript: (data) => captions.legacy(data),
    onLocalAudioLevel: (level) => cb.onMicLevel(level),
  };
}
