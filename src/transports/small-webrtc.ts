import { SmallWebRTCTransport, type SmallWebRTCTransportConstructorOptions } from '@pipecat-ai/small-webrtc-transport';
import type { SessionInfo } from '../session/session-info.js';
import { MicTrackMediaManager } from './mic-track-media-manager.js';
import { watchMicLevel } from './mic-level.js';
import { PipecatAgentTransport, type LinkReporter, type PipecatTransportSpec } from './pipecat-adapter.js';
import type { AgentTransport } from './types.js';

// Members of SmallWebRTCTransport 1.10 that its typings leave out; we hook them below.
declare module '@pipecat-ai/small-webrtc-transport' {
  interface SmallWebRTCTransport {
    pc: RTCPeerConnection | null;
    _connectResolved: (() => void) | null;
    _connectFailed: ((error: unknown) => void) | null;
    createPeerConnection(): RTCPeerConnection;
    closePeerConnection(pc: RTCPeerConnection): void;
  }
}

/** The offer POST: Pipecat retries failures itself; this bounds one attempt. */
const OFFER_TIMEOUT_MS = 10_000;

/**
 * SmallWebRTCTransport with three changes:
 * - Pipecat restarts ICE on its own but emits nothing while it does; we watch each peer
 *   connection's state and report the link going down and coming back.
 * - Pipecat stops every sender's track when it replaces or closes a peer connection; our mic
 *   track is shared across reconnections and owned by the session controller, so it is left alone.
 * - Hanging up mid-negotiation, Pipecat rejects its pending connect promise and then, seeing the
 *   abort, never awaits it: an unhandled rejection. Once we hang up nobody waits for it, so it is
 *   dropped before Pipecat can reject it.
 */
class ObservedSmallWebRTCTransport extends SmallWebRTCTransport {
  constructor(
    options: SmallWebRTCTransportConstructorOptions,
    private readonly link: LinkReporter,
  ) {
    super(options);
  }

  override createPeerConnection(): RTCPeerConnection {
    const pc = super.createPeerConnection();
    pc.addEventListener('connectionstatechange', () => {
      if (pc !== this.pc) return;
      if (pc.connectionState === 'connected') this.link(true);
      else if (pc.connectionState === 'disconnected' || pc.connectionState === 'failed') this.link(false);
    });
    return pc;
  }

  override _disconnect(): Promise<void> {
    this._connectResolved = null;
    this._connectFailed = null;
    return super._disconnect();
  }

  override closePeerConnection(pc: RTCPeerConnection): void {
    for (const transceiver of pc.getTransceivers()) transceiver.stop();
    pc.close();
  }
}

export const smallWebRTCSpec: PipecatTransportSpec = {
  create: (options, link) =>
    new ObservedSmallWebRTCTransport(
      { mediaManager: new MicTrackMediaManager(options.micTrack, options.micEnabled) },
      link,
    ),
  connectParams: (session: SessionInfo) => {
    if (session.kind !== 'webrtc') throw new TypeError('SmallWebRTC needs a webrtcUrl session.');
    return { webrtcRequestParams: { endpoint: session.webrtcUrl, timeout: OFFER_TIMEOUT_MS } };
  },
  // SmallWebRTC has no local level event: measure the mic ourselves.
  attach: (_transport, options) =>
    options.micTrack ? watchMicLevel(options.micTrack, options.callbacks.onMicLevel) : () => undefined,
};

/** A SmallWebRTC call (`{webrtcUrl}` sessions: the simulator and self-hosted Pipecat bots). */
export const createSmallWebRTCTransport = (): AgentTransport => new PipecatAgentTransport(smallWebRTCSpec);
