import { IwyAgentError, type IwyErrorCode } from './errors.js';

export type GetUserMedia = (constraints: MediaStreamConstraints) => Promise<MediaStream>;

/** Voice, not music: let the browser clean the signal up before the agent hears it. */
export const MIC_CONSTRAINTS: MediaStreamConstraints = {
  audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  video: false,
};

const CODE_BY_NAME: Readonly<Record<string, IwyErrorCode>> = {
  NotAllowedError: 'mic-permission-denied',
  SecurityError: 'mic-permission-denied',
  NotFoundError: 'mic-not-found',
  OverconstrainedError: 'mic-not-found',
  NotReadableError: 'mic-in-use',
  AbortError: 'mic-in-use',
};

const MESSAGE_BY_CODE: Partial<Record<IwyErrorCode, string>> = {
  'mic-permission-denied': 'Microphone access was denied.',
  'mic-not-found': 'No microphone was found.',
  'mic-in-use': 'The microphone could not be started; another application may be using it.',
};

/** Maps what getUserMedia rejects with to our error codes. */
export function micError(e: unknown): IwyAgentError {
  const name = (e as { name?: unknown } | null)?.name;
  const code = (typeof name === 'string' && CODE_BY_NAME[name]) || 'mic-in-use';
  return new IwyAgentError(code, MESSAGE_BY_CODE[code] ?? 'The microphone could not be started.', { cause: e });
}

/** The browser's getUserMedia, or insecure-context where pages may not have one (plain http). */
export function browserGetUserMedia(): GetUserMedia {
  const media = globalThis.navigator?.mediaDevices;
  if (globalThis.isSecureContext === false || typeof media?.getUserMedia !== 'function') {
    throw new IwyAgentError(
      'insecure-context',
      'The microphone is only available on pages served over https (or localhost).',
    );
  }
  return (constraints) => media.getUserMedia(constraints);
}

/**
 * Acquires one microphone track. Rejects with an IwyAgentError, or with the signal's reason when
 * aborted; in both cases every track it obtained is already stopped.
 */
export async function acquireMicrophone(options: {
  signal: AbortSignal;
  getUserMedia?: GetUserMedia;
}): Promise<MediaStreamTrack> {
  const { signal } = options;
  signal.throwIfAborted();
  const getUserMedia = options.getUserMedia ?? browserGetUserMedia();
  let stream: MediaStream;
  try {
    stream = await getUserMedia(MIC_CONSTRAINTS);
  } catch (e) {
    signal.throwIfAborted();
    throw micError(e);
  }
  const [track, ...others] = stream.getAudioTracks();
  for (const t of [...others, ...stream.getVideoTracks()]) t.stop();
  if (signal.aborted || !track) {
    track?.stop();
    signal.throwIfAborted();
    throw new IwyAgentError('mic-not-found', MESSAGE_BY_CODE['mic-not-found']!);
  }
  return track;
}
