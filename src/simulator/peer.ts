import type * as Wrtc from '@roamhq/wrtc';

/** The offer body of SmallWebRTC signalling (see node_modules/@pipecat-ai/small-webrtc-transport). */
export interface OfferBody {
  sdp: string;
  type: 'offer';
  pc_id?: string | null;
  restart_pc?: boolean;
}
export interface CandidateBody {
  candidate: string;
  sdp_mid?: string | null;
  sdp_mline_index?: number | null;
}

const GATHER_TIMEOUT_MS = 2_000;
/** Keep WebRTC on the machine: only 127.0.0.1 candidates go out or come in (TOOLCHAIN.md). */
const isLoopbackCandidate = (line: string) => / 127\.0\.0\.1 \d+ typ /.test(line);
export const keepLoopbackCandidates = (sdp: string) =>
  sdp.split('\r\n').filter((l) => !l.startsWith('a=candidate:') || isLoopbackCandidate(l)).join('\r\n');

export interface PeerEvents {
  onMessage(text: string): void;
  onOpen(): void;
  /** The channel or the connection closed or failed: the visitor is gone (maybe to come back with restart_pc). */
  onGone(): void;
}

/**
 * One server-side peer connection of a session: answers an offer with every candidate inside (the
 * server cannot trickle), sends the agent's audio on the first transceiver and video on the second
 * (Pipecat's transceiver order), and carries the `chat` data channel.
 */
export class Peer {
  private readonly pc: Wrtc.RTCPeerConnection;
  private channel: Wrtc.RTCDataChannel | undefined;
  private gone = false;

  constructor(wrtc: typeof Wrtc, private readonly tracks: Wrtc.MediaStreamTrack[], private readonly events: PeerEvents) {
    this.pc = new wrtc.RTCPeerConnection({ iceServers: [] });
    this.pc.ondatachannel = ({ channel }) => {
      if (channel.label !== 'chat') return;
      this.channel = channel;
      channel.onopen = () => events.onOpen();
      channel.onmessage = ({ data }) => typeof data === 'string' && events.onMessage(data);
      channel.onclose = () => this.markGone();
      if (channel.readyState === 'open') events.onOpen();
    };
    this.pc.onconnectionstatechange = () => {
      if (['failed', 'closed'].includes(this.pc.connectionState)) this.markGone();
    };
  }

  private markGone(): void {
    if (this.gone) return;
    this.gone = true;
    this.events.onGone();
  }

  /** Answers an offer (first one, or a renegotiation on the same connection) with loopback candidates only. */
  async answer(offer: OfferBody): Promise<string> {
    const first = this.pc.getSenders().length === 0;
    await this.pc.setRemoteDescription({ type: 'offer', sdp: keepLoopbackCandidates(offer.sdp) });
    // addTrack reuses the transceivers the offer created, in order: audio → 0, video → 1.
    if (first) for (const track of this.tracks) this.pc.addTrack(track);
    await this.pc.setLocalDescription(await this.pc.createAnswer());
    await this.gathered();
    return keepLoopbackCandidates(this.pc.localDescription!.sdp);
  }

  /**
   * Waits until the answer holds a usable candidate: the loopback UDP one is all we keep, so there is no
   * need to wait for gathering on every interface to complete (which takes seconds with wrtc).
   */
  private gathered(): Promise<void> {
    const pc = this.pc;
    const hasLoopback = () => pc.localDescription?.sdp.split('\r\n').some((l) => l.startsWith('a=candidate:') && isLoopbackCandidate(l) && / udp /i.test(l));
    if (pc.iceGatheringState === 'complete' || hasLoopback()) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(finish, GATHER_TIMEOUT_MS);
      function finish() {
        clearTimeout(timer);
        pc.onicegatheringstatechange = null;
        pc.onicecandidate = null;
        resolve();
      }
      pc.onicegatheringstatechange = () => pc.iceGatheringState === 'complete' && finish();
      pc.onicecandidate = () => hasLoopback() && finish();
    });
  }

  async addCandidates(candidates: CandidateBody[]): Promise<number> {
    let added = 0;
    for (const c of candidates) {
      if (!c.candidate || !isLoopbackCandidate(`a=${c.candidate}`)) continue;
      try {
        await this.pc.addIceCandidate({ candidate: c.candidate, sdpMid: c.sdp_mid ?? null, sdpMLineIndex: c.sdp_mline_index ?? null });
        added++;
      } catch {
        // A candidate for a connection already replaced or closed: harmless to drop.
      }
    }
    return added;
  }

  send(text: string): void {
    if (this.channel?.readyState !== 'open') return;
    try {
      this.channel.send(text);
    } catch {
      // The visitor closed the channel between the check and the send (they hung up): nothing to tell.
    }
  }

  get open(): boolean {
    return this.channel?.readyState === 'open';
  }

  /** Closes without telling anyone (used for a simulated network drop and for cleanup). */
  close(): void {
    this.gone = true;
    try {
      this.channel?.close();
      this.pc.close();
    } catch {
      // Already closed.
    }
  }
}
