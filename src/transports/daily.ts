import { DailyTransport, type DailyTransportConstructorOptions } from '@pipecat-ai/daily-transport';
import type { Transport } from '@pipecat-ai/client-js';
import type { SessionInfo } from '../session/session-info.js';
import { PipecatAgentTransport, type PipecatTransportSpec } from './pipecat-adapter.js';
import type { AgentTransport, TransportConnectOptions } from './types.js';

/** The part of daily-js's call object the adapter listens to. */
interface NetworkEvents {
  on(event: 'network-connection', handler: (ev: { type: string; event: string }) => void): unknown;
  off(event: 'network-connection', handler: (ev: { type: string; event: string }) => void): unknown;
}

/** What the adapter needs of a DailyTransport; a test passes a fake with the same surface. */
export type DailyLikeTransport = Transport & { readonly dailyCallClient: NetworkEvents };

export type DailyTransportFactory = (options: DailyTransportConstructorOptions) => DailyLikeTransport;

/**
 * Daily call options for one call: send the controller's mic track (so Daily never prompts a second
 * time), no camera, and no device-preference cookies on the host's site.
 */
export function dailyTransportOptions(o: Pick<TransportConnectOptions, 'micTrack' | 'micEnabled'>) {
  return {
    audioSource: o.micTrack ?? false,
    videoSource: false,
    startVideoOff: true,
    startAudioOff: !o.micEnabled,
    dailyConfig: { useDevicePreferenceCookies: false },
  } satisfies DailyTransportConstructorOptions;
}

/** Daily joins with the room URL and meeting token from the session answer. */
export function dailyConnectParams(session: SessionInfo): { url: string; token: string } {
  if (session.kind !== 'daily') throw new TypeError('Daily needs a roomUrl + dailyToken session.');
  return { url: session.roomUrl, token: session.dailyToken };
}

export function dailySpec(factory: DailyTransportFactory): PipecatTransportSpec {
  return {
    create: (options) => factory(dailyTransportOptions(options)),
    connectParams: dailyConnectParams,
    // daily-js reports its signalling and media links dropping and recovering.
    attach: (transport, _options, link) => {
      const call = (transport as DailyLikeTransport).dailyCallClient;
      const onNetwork = (ev: { event: string }) => {
        if (ev.event === 'interrupted') link(false);
        else if (ev.event === 'connected') link(true);
      };
      call.on('network-connection', onNetwork);
      return () => call.off('network-connection', onNetwork);
    },
    // Pipecat leaves the call object alive after leave(), and its proxy forbids destroy(): each
    // restart would keep one more. The call object itself is the transport's `_daily`.
    dispose: async (transport) => {
      const daily = (transport as unknown as { _daily?: { destroy?: () => Promise<void> } })._daily;
      await daily?.destroy?.();
    },
  };
}

const realDaily: DailyTransportFactory = (options) => new DailyTransport(options);

/**
 * A Daily call (`{roomUrl, dailyToken}` sessions: iwy production). daily-js loads its call engine
 * from Daily's CDN at join time.
 */
export const createDailyTransport = (factory: DailyTransportFactory = realDaily): AgentTransport =>
  new PipecatAgentTransport(dailySpec(factory));
