/** Speech sits around 0.02–0.2 RMS; scale it so a normal voice fills most of the meter. */
const GAIN = 4;

/**
 * Reports a microphone track's input level (0..1) every `intervalMs`, for the mic meter when the
 * transport has no level event of its own. Returns the function that stops it and frees its
 * AudioContext.
 */
export function watchMicLevel(
  track: MediaStreamTrack,
  report: (level: number) => void,
  intervalMs = 100,
): () => void {
  const Context = globalThis.AudioContext;
  if (!Context) return () => undefined;
  const context = new Context();
  void context.resume().catch(() => undefined);
  const source = context.createMediaStreamSource(new MediaStream([track]));
  const analyser = context.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const timer = setInterval(() => {
    if (!track.enabled || track.readyState === 'ended') return report(0);
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const s of samples) sum += s * s;
    report(Math.min(1, Math.sqrt(sum / samples.length) * GAIN));
  }, intervalMs);
  return () => {
    clearInterval(timer);
    source.disconnect();
    void context.close().catch(() => undefined);
  };
}
