import { expect } from '@open-wc/testing';
import '../support/no-unhandled-rejections.js';
import { ECHO_WINDOW_MS, TypedEchoes } from '../../src/session/typed-echoes.js';
import { harness } from './harness.js';

const lines = (h: ReturnType<typeof harness>) => h.controller.snapshot.transcript.map((e) => [e.role, e.text, e.final]);

describe('SessionController: typed text echoed back', () => {
  it('drops one final user transcript equal to a text just typed (an echo), not later speech', async () => {
    const h = harness({ script: { readyOnConnect: true } });
    await h.controller.start();
    await h.reach('live');
    const cb = h.stub.last.cb;
    h.controller.sendText('hello there');
    cb.onTranscript('user', 'hello there', true); // the bot echoes send-text as a transcription
    cb.onTranscript('user', 'hello there', true); // the visitor then says the same words
    expect(lines(h)).to.deep.equal([
      ['user', 'hello there', true],
      ['user', 'hello there', true],
    ]);
    expect(h.named('iwy-transcript')).to.have.length(2);
    await h.controller.end();
  });

  it('forgets a sent text after the echo window', () => {
    let now = 0;
    const echoes = new TypedEchoes(() => now);
    echoes.sent('hi');
    echoes.sent('yes');
    now = ECHO_WINDOW_MS + 1;
    expect(echoes.isEcho('hi')).to.equal(false);
    echoes.sent('hi');
    expect(echoes.isEcho('hi')).to.equal(true);
    expect(echoes.isEcho('hi')).to.equal(false);
  });

});
