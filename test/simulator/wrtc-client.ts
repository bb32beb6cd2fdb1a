import wrtc from '@roamhq/wrtc';

/** A visitor made of @roamhq/wrtc that does what Pipecat's SmallWebRTCTransport does on the wire. */
export interface RtviMessage {
  label?: string;
  type: string;
  id?: string;
  data?: Record<string, unknown>;
}

export class WrtcVisitor {
  readonly pc = new wrtc.RTCPeerConnection({ iceServers: [] });
  readonly dc: ReturnType<typeof this.pc.createDataChannel>;
  readonly messages: RtviMessage[] = [];
  frames = 0;
  width = 0;
  height = 0;
  audioFrames = 0;
  pcId: string | null = null;
  private sinks: { stop(): void }[] = [];
  private waiters: (() => void)[] = [];

  constructor(readonly offerUrl: string) {
    this.pc.addTransceiver('audio', { direction: 'sendrecv' });
    this.pc.addTransceiver('video', { direction: 'sendrecv' });
    this.pc.addTransceiver('video', { direction: 'sendonly' });
    this.dc = this.pc.createDataChannel('chat', { ordered: true });
    this.dc.onmessage = ({ data }) => {
      try {
        this.messages.push(JSON.parse(String(data)) as RtviMessage);
      } catch {
        return;
      }
      for (const w of this.waiters.splice(0)) w();
    };
    this.pc.ontrack = ({ track }) => {
      if (track.kind === 'video') {
        const sink = new wrtc.nonstandard.RTCVideoSink(track);
        sink.onframe = ({ frame }: { frame: { width: number; height: number } }) => {
          this.frames++;
          this.width = frame.width;
          this.height = frame.height;
        };
        this.sinks.push(sink);
      } else {
        const sink = new wrtc.nonstandard.RTCAudioSink(track);
        sink.ondata = () => this.audioFrames++;
        this.sinks.push(sink);
      }
    };
  }

  /** Offer → answer, then the PATCH of our candidates (like Pipecat, after the answer). */
  async connect(restart = false): Promise<Response> {
    const offer = await this.pc.createOffer();
    await this.pc.setLocalDescription(offer);
    const res = await fetch(this.offerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sdp: offer.sdp, type: 'offer', pc_id: this.pcId, restart_pc: restart }),
    });
    if (!res.ok) return res;
    const answer = (await res.clone().json()) as { sdp: string; type: 'answer'; pc_id: string };
    this.pcId = answer.pc_id;
    await this.pc.setRemoteDescription(answer);
    return res;
  }

  opened(timeoutMs = 5000): Promise<void> {
    if (this.dc.readyState === 'open') return Promise.resolve();
    return within(timeoutMs, 'data channel open', (done) => this.dc.addEventListener('open', () => done()));
  }

  send(type: string, data: Record<string, unknown> = {}): void {
    this.dc.send(JSON.stringify({ label: 'rtvi-ai', type, id: Math.random().toString(36).slice(2, 10), data }));
  }

  sendRaw(text: string): void {
    this.dc.send(text);
  }

  /** Resolves with the first message (already received or coming) that matches. */
  waitFor(match: (m: RtviMessage) => boolean, what: string, timeoutMs = 5000): Promise<RtviMessage> {
    return within(timeoutMs, what, (done) => {
      const check = () => {
        const found = this.messages.find(match);
        if (found) done(found);
        else this.waiters.push(check);
      };
      check();
    });
  }

  async framesAtLeast(n: number, timeoutMs = 5000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.frames < n) {
      if (Date.now() > until) throw new Error(`only ${this.frames} of ${n} frames in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): void {
    for (const s of this.sinks.splice(0)) s.stop();
    this.dc.close();
    this.pc.close();
  }
}

function within<T>(ms: number, what: string, start: (done: (v: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
    start((v) => {
      clearTimeout(timer);
      resolve(v);
    });
  });
}
