/**
 * A voice-like sound without any speech engine: each syllable is a vowel (a glottal pulse train shaped
 * by two formants) under a rise-and-fall envelope. Syllables are synthesised once and reused; an
 * utterance is a plan of syllables and pauses derived from its text.
 */
export const SAMPLE_RATE = 48_000;
export const FRAME_SAMPLES = SAMPLE_RATE / 100; // 10 ms, what RTCAudioSource takes per call
const SYLLABLE_FRAMES = 14; // 140 ms
const PAUSE_FRAMES = 6;
const MAX_UTTERANCE_FRAMES = 1_000; // 10 s: long tool answers are cut short, not spoken for minutes

const VOWELS: readonly [number, number][] = [[730, 1090], [530, 1840], [270, 2290], [570, 840], [300, 870]];

function synthSyllable(f1: number, f2: number, pitch: number): Int16Array {
  const n = SYLLABLE_FRAMES * FRAME_SAMPLES;
  const out = new Int16Array(n);
  const harmonics = Math.floor(3000 / pitch);
  const gain = (f: number) => Math.exp(-(((f - f1) / 130) ** 2)) + 0.6 * Math.exp(-(((f - f2) / 200) ** 2)) + 0.02;
  for (let i = 0; i < n; i++) {
    const t = i / SAMPLE_RATE;
    let s = 0;
    for (let h = 1; h <= harmonics; h++) s += (gain(h * pitch) / h ** 0.5) * Math.sin(2 * Math.PI * h * pitch * t);
    out[i] = Math.round(Math.sin((Math.PI * i) / n) * s * 5_000);
  }
  return out;
}

interface Syllable {
  /** One exact 10 ms buffer per frame: RTCAudioSource rejects views into a larger buffer. */
  frames: Int16Array[];
  /** Loudness per 10 ms frame, 0..1: drives the avatar's mouth. */
  levels: Float32Array;
}

let syllables: Syllable[] | undefined;

/** The syllables, synthesised on first use (about a tenth of a second). */
export function allSyllables(): Syllable[] {
  syllables ??= VOWELS.map(([f1, f2], i) => synthSyllable(f1, f2, i % 2 ? 160 : 130)).map((samples) => {
    const levels = new Float32Array(SYLLABLE_FRAMES);
    let peak = 0;
    for (let f = 0; f < SYLLABLE_FRAMES; f++) {
      let sum = 0;
      for (let i = 0; i < FRAME_SAMPLES; i++) sum += samples[f * FRAME_SAMPLES + i]! ** 2;
      levels[f] = Math.sqrt(sum / FRAME_SAMPLES);
      peak = Math.max(peak, levels[f]!);
    }
    const frames = Array.from({ length: SYLLABLE_FRAMES }, (_, f) => samples.slice(f * FRAME_SAMPLES, (f + 1) * FRAME_SAMPLES));
    return { frames, levels: levels.map((l) => l / peak) };
  });
  return syllables;
}

/** One 10 ms step of an utterance: its samples (or silence) and the mouth level. */
export interface VoiceFrame {
  samples: Int16Array | null;
  level: number;
}

/** Plans an utterance: about one syllable per three letters, a pause between words. */
export function* utterance(text: string): Generator<VoiceFrame> {
  const all = allSyllables();
  let emitted = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const count = Math.max(1, Math.round(word.replace(/[^\p{L}\p{N}]/gu, '').length / 3));
    for (let s = 0; s < count; s++) {
      const syl = all[(word.charCodeAt(s % word.length) + s) % all.length]!;
      for (let f = 0; f < SYLLABLE_FRAMES; f++) {
        if (++emitted > MAX_UTTERANCE_FRAMES) return;
        yield { samples: syl.frames[f]!, level: syl.levels[f]! };
      }
    }
    for (let p = 0; p < PAUSE_FRAMES; p++) {
      if (++emitted > MAX_UTTERANCE_FRAMES) return;
      yield { samples: null, level: 0 };
    }
  }
}
