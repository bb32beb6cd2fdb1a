import type { MediaStreamTrack } from '@roamhq/wrtc';
import type { nonstandard } from '@roamhq/wrtc';
import { avatarFrames, HEIGHT, MOUTH_LEVELS, WIDTH } from './avatar.js';
import type { Ticker } from './ticker.js';
import { FRAME_SAMPLES, SAMPLE_RATE, utterance, type VoiceFrame } from './voice.js';

type Nonstandard = typeof nonstandard;
export const FPS = 20;
const SILENCE = new Int16Array(FRAME_SAMPLES);
const MAX_CATCH_UP = 5; // after a stall, skip ahead rather than burst

/**
 * The agent's live audio and video tracks. While playing, each tick pushes the 10 ms audio frames and the
 * video frames that are due by the clock; the mouth follows the loudness of the current syllable.
 * `pause()` stops all encoding work (peer gone), `speak()` resolves when the utterance has been played.
 */
export class AgentMedia {
  readonly audioTrack: MediaStreamTrack;
  readonly videoTrack: MediaStreamTrack;
  private readonly audio: InstanceType<Nonstandard['RTCAudioSource']>;
  private readonly video: InstanceType<Nonstandard['RTCVideoSource']>;
  private readonly frames = avatarFrames();
  private queue: { frames: Iterator<VoiceFrame>; done: () => void }[] = [];
  private level = 0;
  private started = 0;
  private audioSent = 0;
  private videoSent = 0;
  private readonly tick = (now: number) => this.onTick(now);
  /** Video frames handed to the encoder: read by tests and the benchmark. */
  framesSent = 0;

  constructor(ns: Nonstandard, private readonly ticker: Ticker) {
    this.audio = new ns.RTCAudioSource();
    this.video = new ns.RTCVideoSource();
    this.audioTrack = this.audio.createTrack();
    this.videoTrack = this.video.createTrack();
  }

  play(): void {
    this.started = performance.now();
    this.audioSent = this.videoSent = 0;
    this.ticker.add(this.tick);
  }

  pause(): void {
    this.ticker.delete(this.tick);
  }

  /** Queues an utterance; resolves once it has been played (or dropped by `stop()`). */
  speak(text: string): Promise<void> {
    return new Promise((done) => this.queue.push({ frames: utterance(text), done }));
  }

  /** Cuts off what is being said and everything queued (the visitor spoke: barge-in). */
  interrupt(): void {
    for (const item of this.queue.splice(0)) item.done();
    this.level = 0;
  }

  get speaking(): boolean {
    return this.queue.length > 0;
  }

  private onTick(now: number): void {
    const elapsed = now - this.started;
    const audioDue = Math.floor(elapsed / 10);
    if (audioDue - this.audioSent > MAX_CATCH_UP) this.audioSent = audioDue - MAX_CATCH_UP;
    while (this.audioSent < audioDue) {
      this.audio.onData({ samples: this.nextSamples(), sampleRate: SAMPLE_RATE, bitsPerSample: 16, channelCount: 1, numberOfFrames: FRAME_SAMPLES });
      this.audioSent++;
    }
    const videoDue = Math.floor((elapsed * FPS) / 1000);
    if (videoDue > this.videoSent) {
      this.videoSent = videoDue; // one frame per tick at most: a late frame is better than a burst
      const mouth = Math.min(MOUTH_LEVELS - 1, Math.round(this.level * (MOUTH_LEVELS - 1)));
      this.video.onFrame({ width: WIDTH, height: HEIGHT, data: this.frames[mouth]! });
      this.framesSent++;
    }
  }

  private nextSamples(): Int16Array {
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      const step = head.frames.next();
      if (!step.done) {
        this.level = step.value.level;
        return step.value.samples ?? SILENCE;
      }
      this.queue.shift();
      head.done();
    }
    this.level = 0;
    return SILENCE;
  }

  /** Ends the tracks for good; pending utterances resolve so nothing waits forever. */
  stop(): void {
    this.pause();
    this.interrupt();
    this.audioTrack.stop();
    this.videoTrack.stop();
  }
}
