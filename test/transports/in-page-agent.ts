/**
 * A Pipecat SmallWebRTC bot living inside the test page, for adapter tests without a server: it
 * answers the offer POST and candidate PATCHes sent to `url` (fetch is intercepted for that URL
 * only), speaks RTVI 2.1 on the `chat` data channel, and sends the fake camera and microphone as
 * the agent's video and voice. Like Pipecat's server, it puts its candidates in the answer.
 */
export class InPageAgent {
  readonly url = 'https://agent.invalid/api/offer';
  readonly received: { type?: string; data?: unknown; message?: unknown }[] = [];
  offers = 0;
  /** Delays the answer, to hang up while the client is still negotiating. */
  answerDelayMs = 0;
  #pc: RTCPeerConnection | undefined;
  #channel: RTCDataChannel | undefined;
  #media: MediaStream | undefined;
  #realFetch = window.fetch;
  #opened: Promise<void>;
  #open!: () => void;

  constructor() {
    this.#opened = new Promise((resolve) => (this.#open = resolve));
  }

  async install(): Promise<void> {
    this.#media = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    const real = this.#realFetch;
    window.fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.url !== this.url) return real(input, init);
      const body = await request.json();
      return Response.json(request.method === 'PATCH' ? await this.#candidates(body) : await this.#answer(body));
    };
  }

  uninstall(): void {
    window.fetch = this.#realFetch;
    this.#pc?.close();
    for (const t of this.#media?.getTracks() ?? []) t.stop();
  }

  /** Resolves once the client's data channel is open on our side. */
  opened(): Promise<void> {
    return this.#opened;
  }

  /** Sends an RTVI message, as the bot's pipeline would. */
  say(type: string, data: unknown = {}): void {
    this.#channel?.send(JSON.stringify({ label: 'rtvi-ai', type, id: crypto.randomUUID(), data }));
  }

  /** Pipecat's server tells the client that the bot left. */
  leave(): void {
    this.#channel?.send(JSON.stringify({ type: 'signalling', message: { type: 'peerLeft' } }));
  }

  async #answer(offer: { sdp: string; type: RTCSdpType }) {
    this.offers++;
    if (this.answerDelayMs) await new Promise((r) => setTimeout(r, this.answerDelayMs));
    this.#pc?.close();
    const pc = new RTCPeerConnection();
    this.#pc = pc;
    pc.addEventListener('datachannel', ({ channel }) => {
      this.#channel = channel;
      channel.addEventListener('open', () => this.#open());
      channel.addEventListener('message', ({ data }) => this.#onMessage(String(data)));
      if (channel.readyState === 'open') this.#open();
    });
    await pc.setRemoteDescription(offer);
    // The client offers audio (mid 0) and video (mid 1) sendrecv: answer with our voice and face.
    const [audio, video] = pc.getTransceivers();
    await audio.sender.replaceTrack(this.#media!.getAudioTracks()[0]);
    await video.sender.replaceTrack(this.#media!.getVideoTracks()[0]);
    audio.direction = 'sendrecv';
    video.direction = 'sendrecv';
    await pc.setLocalDescription(await pc.createAnswer());
    await gathered(pc);
    return { sdp: pc.localDescription!.sdp, type: 'answer', pc_id: 'in-page-agent' };
  }

  async #candidates(body: { candidates: { candidate: string; sdp_mid: string; sdp_mline_index: number }[] }) {
    for (const c of body.candidates) {
      await this.#pc?.addIceCandidate({ candidate: c.candidate, sdpMid: c.sdp_mid, sdpMLineIndex: c.sdp_mline_index });
    }
    return {};
  }

  #onMessage(raw: string): void {
    if (raw.startsWith('ping')) return;
    const message = JSON.parse(raw);
    this.received.push(message);
    if (message.type === 'client-ready') this.say('bot-ready', { version: '2.1.0' });
  }
}

function gathered(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (pc.iceGatheringState !== 'complete') return;
      pc.removeEventListener('icegatheringstatechange', check);
      resolve();
    };
    pc.addEventListener('icegatheringstatechange', check);
  });
}

/** Keeps every RTCPeerConnection the page creates (the adapter's included) until restored. */
export function capturePeerConnections() {
  const Real = window.RTCPeerConnection;
  const created: RTCPeerConnection[] = [];
  window.RTCPeerConnection = class extends Real {
    constructor(config?: RTCConfiguration) {
      super(config);
      created.push(this);
    }
  } as typeof RTCPeerConnection;
  return { created, restore: () => void (window.RTCPeerConnection = Real) };
}
