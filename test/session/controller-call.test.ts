import { expect } from '@open-wc/testing';
import '../support/no-unhandled-rejections.js';
import { mergeTranscript, MAX_TRANSCRIPT_ENTRIES } from '../../src/session/transcript.js';
import { harness } from './harness.js';

async function liveCall(options: Parameters<typeof harness>[0] = {}) {
  const h = harness({ script: { readyOnConnect: true }, ...options });
  await h.controller.start();
  await h.reach('live');
  return h;
}

describe('SessionController during a call', () => {
  it('merges partial transcripts into one entry per utterance and role', async () => {
    const h = await liveCall();
    const cb = h.stub.last.cb;
    cb.onTranscript('user', 'hel', false);
    cb.onTranscript('user', 'hello the', false);
    cb.onTranscript('agent', 'Hi', false); // the agent talks over the visitor
    cb.onTranscript('user', 'hello there', true);
    cb.onTranscript('agent', 'Hi! How can I help?', true);
    cb.onTranscript('user', 'pricing', false);
    expect(h.controller.snapshot.transcript.map(({ role, text, final }) => [role, text, final])).to.deep.equal([
      ['user', 'hello there', true],
      ['agent', 'Hi! How can I help?', true],
      ['user', 'pricing', false],
    ]);
    const ids = h.controller.snapshot.transcript.map((e) => e.id);
    expect(new Set(ids).size).to.equal(3);
    expect(h.named('iwy-transcript')).to.have.length(6);
    expect(h.named('iwy-transcript')[3]).to.deep.equal({ role: 'user', text: 'hello there', final: true });
    await h.controller.end();
    expect(h.controller.snapshot.transcript).to.have.length(3); // kept after the call for the captions
  });

  it('keeps at most MAX_TRANSCRIPT_ENTRIES entries', () => {
    let entries = mergeTranscript([], { role: 'user', text: 'a', final: true }, 0);
    for (let i = 1; i <= MAX_TRANSCRIPT_ENTRIES + 5; i++) {
      entries = mergeTranscript(entries, { role: i % 2 ? 'agent' : 'user', text: `t${i}`, final: true }, i);
    }
    expect(entries).to.have.length(MAX_TRANSCRIPT_ENTRIES);
    expect(entries.at(-1)!.text).to.equal(`t${MAX_TRANSCRIPT_ENTRIES + 5}`);
  });

  it('reports speaking changes once each, and clears them, the tracks and the level at the end', async () => {
    const h = await liveCall();
    const cb = h.stub.last.cb;
    const [video] = (await navigator.mediaDevices.getUserMedia({ video: true })).getVideoTracks();
    cb.onAgentVideo(video);
    cb.onAgentSpeaking(true);
    cb.onAgentSpeaking(true);
    cb.onUserSpeaking(true);
    cb.onMicLevel(0.5);
    expect(h.controller.snapshot).to.include({ agentSpeaking: true, userSpeaking: true, micLevel: 0.5, agentVideo: video });
    cb.onAgentSpeaking(false);
    expect(h.named('iwy-agent-speaking')).to.deep.equal([{ speaking: true }, { speaking: false }]);
    expect(h.named('iwy-user-speaking')).to.deep.equal([{ speaking: true }]);
    await h.controller.end();
    expect(h.controller.snapshot).to.include({ agentSpeaking: false, userSpeaking: false, micLevel: 0, agentVideo: undefined });
    video.stop();
  });

  it('setMicEnabled() mutes the track, tells the transport and raises iwy-mic-change once', async () => {
    const h = await liveCall();
    const track = h.stub.last.options!.micTrack!;
    await h.controller.setMicEnabled(false);
    await h.controller.setMicEnabled(false);
    expect(track.enabled).to.equal(false);
    expect(h.controller.snapshot.micEnabled).to.equal(false);
    h.stub.last.cb.onMicLevel(0.7);
    expect(h.controller.snapshot.micLevel).to.equal(0); // a muted mic shows no level
    await h.controller.setMicEnabled(true);
    expect(track.enabled).to.equal(true);
    expect(h.stub.last.calls).to.deep.equal(['connect', 'mic:false', 'mic:true']);
    expect(h.named('iwy-mic-change')).to.deep.equal([{ enabled: false }, { enabled: true }]);
    await h.controller.end();
    // outside a call it only changes the preference for the next one
    await h.controller.setMicEnabled(false);
    await h.controller.start();
    expect(h.stub.last.options!.micTrack!.enabled).to.equal(false);
    await h.controller.end();
  });

  it('sendText() sends when live and shows the line; otherwise it is ignored with a warning', async () => {
    const h = harness();
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...a: unknown[]) => warnings.push(a);
    try {
      h.controller.sendText('too early');
      await h.controller.start(); // waiting: not live yet
      h.controller.sendText('still early');
      h.stub.last.cb.onAgentReady();
      h.controller.sendText('  What does it cost?  ');
      h.controller.sendText('   ');
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(2);
    expect(h.stub.last.calls).to.deep.equal(['connect', 'text:What does it cost?']);
    expect(h.controller.snapshot.transcript.map((e) => [e.role, e.text, e.final])).to.deep.equal([
      ['user', 'What does it cost?', true],
    ]);
    await h.controller.end();
  });

  it('subscribe() gets every new immutable snapshot until unsubscribed; a throwing listener is contained', async () => {
    const h = harness();
    const seen: string[] = [];
    const off = h.controller.subscribe((s) => seen.push(s.state));
    const error = console.error;
    console.error = () => undefined;
    const offBad = h.controller.subscribe(() => {
      throw new Error('listener bug');
    });
    try {
      const before = h.controller.snapshot;
      await h.controller.start();
      expect(Object.isFrozen(h.controller.snapshot)).to.equal(true);
      expect(before.state).to.equal('idle');
      off();
      await h.controller.end();
    } finally {
      offBad();
      console.error = error;
    }
    expect(seen).to.deep.equal(['requesting', 'connecting', 'waiting']);
    expect(h.controller.snapshot.state).to.equal('ended');
  });
});
