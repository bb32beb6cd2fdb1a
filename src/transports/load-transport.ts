import type { AgentTransport, TransportLoader } from './types.js';

/**
 * The default loader: each adapter (and Pipecat with it) sits in its own lazily loaded chunk, so a
 * page that never starts a call never downloads transport code.
 */
export const loadTransport: TransportLoader = async (session): Promise<AgentTransport> => {
  if (session.kind === 'daily') return (await import('./daily.js')).createDailyTransport();
  return (await import('./small-webrtc.js')).createSmallWebRTCTransport();
};

/**
 * Starts fetching transport code while the session request is still under way; which adapter is
 * needed is only known from the answer. Both adapters share Pipecat's client and daily-js (the
 * SmallWebRTC package imports it too), so fetching both costs only the other adapter's own chunk
 * (15–23 KB gzip) extra.
 */
export function preloadTransportCode(): void {
  for (const adapter of [import('./daily.js'), import('./small-webrtc.js')]) {
    adapter.catch(() => {
      // A failed preload is retried by loadTransport(), which reports the error.
    });
  }
}
