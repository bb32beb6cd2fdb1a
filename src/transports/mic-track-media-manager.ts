import type { Tracks } from '@pipecat-ai/client-js';

const none = (): Promise<MediaDeviceInfo[]> => Promise.resolve([]);

/**
 * A Pipecat media manager that hands SmallWebRTC the microphone track the session controller has
 * already acquired. Pipecat's default (DailyMediaManager) loads Daily's engine from Daily's CDN,
 * and WavMediaManager records through its own getUserMedia; we need neither. Bot audio and video
 * arrive as WebRTC tracks that the element plays, so there is nothing to play here.
 *
 * It implements the duck-typed interface SmallWebRTCTransport calls (its MediaManager base class
 * is not exported). The track is the controller's: this class never stops it.
 */
export class MicTrackMediaManager {
  readonly supportsScreenShare = false;
  #micEnabled: boolean;

  constructor(
    private readonly track: MediaStreamTrack | undefined,
    micEnabled: boolean,
  ) {
    this.#micEnabled = micEnabled;
    if (track) track.enabled = micEnabled;
  }

  setClientOptions(): void {
    // Mic on/off comes from the controller (constructor), not from PipecatClient's options.
  }
  setUserAudioCallback(): void {}
  async initialize(): Promise<void> {}
  async connect(): Promise<void> {}
  async disconnect(): Promise<void> {}

  tracks(): Tracks {
    return { local: this.track ? { audio: this.track } : {} };
  }

  enableMic(enable: boolean): void {
    this.#micEnabled = enable;
    if (this.track) this.track.enabled = enable;
  }
  enableCam(): void {}
  enableScreenShare(): void {}
  get isMicEnabled(): boolean {
    return this.#micEnabled;
  }
  get isCamEnabled(): boolean {
    return false;
  }
  get isSharingScreen(): boolean {
    return false;
  }

  getAllMics = none;
  getAllCams = none;
  getAllSpeakers = none;
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
}
