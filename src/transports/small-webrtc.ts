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

/** Where Pipecat's SmallWebRTC puts the agent's voice and face: transceiver mids 0 and 1. */
const AGENT_MIDS = new Set(['0', '1']);

/**
 * SmallWebRTCTransport with four changes:
 * - Pipecat restarts ICE on its own but emits nothing while it does; we watch each peer
 *   connection's state and report the link going down and coming back.
 * - After an ICE restart (a new peer connection), Pipecat 1.10 never reports the new tracks: the
 *   old connection's tracks, ending, delete the new ones from its bookkeeping before they unmute.
 *   Once the new connection is up we report its agent tracks ourselves.
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
    // A connection made while one exists is an ICE restart: the link is down until it connects.
    const restart = this.pc !== null;
    if (restart) this.link(false);
    const pc = super.createPeerConnection();
    pc.addEventListener('connectionstatechange', () => {
      if (pc !== this.pc) return;
      if (pc.connectionState === 'connected') {
        if (restart) this.#reportAgentTracks(pc);
        this.link(true);
      } else if (pc.connectionState === 'disconnected' || pc.connectionState === 'failed') this.link(false);
    });
    return pc;
  }

  /** Through Pipecat's own callback, so the adapter's track bookkeeping stays in one place. */
  #reportAgentTracks(pc: RTCPeerConnection): void {
    for (const { mid, receiver } of pc.getTransceivers()) {
      if (mid !== null && AGENT_MIDS.has(mid) && receiver.track.readyState === 'live') {
        this._callbacks.onTrackStarted?.(receiver.track);
      }
    }
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
