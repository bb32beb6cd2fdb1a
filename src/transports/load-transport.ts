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
 * Starts fetching the code both adapters share (Pipecat's client) while the session request is
 * still under way; which adapter is needed is only known from the answer.
 */
export function preloadTransportCode(): void {
  import('./pipecat-adapter.js').catch(() => {
    // A failed preload is retried by loadTransport(), which reports the error.
  });
}
