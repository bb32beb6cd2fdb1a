import { expect } from '@open-wc/testing';
import { AgentCaptions } from '../../src/transports/agent-captions.js';

function captions() {
  const out: [string, boolean][] = [];
  return { c: new AgentCaptions((text, final) => out.push([text, final])), out };
}

describe('AgentCaptions', () => {
  it('prefers word pieces (in step with the voice) over sentences when a bot sends both', () => {
    const { c, out } = captions();
    c.output({ text: 'Hello there. How are you?', aggregated_by: 'sentence' });
    c.output({ text: 'Hello', aggregated_by: 'word' });
    c.output({ text: 'there.', aggregated_by: 'word' });
    c.stoppedSpeaking();
    expect(out).to.deep.equal([
      ['Hello there. How are you?', false],
      ['Hello', false],
      ['Hello there.', false],
      ['Hello there.', true],
    ]);
  });

  it('uses bot-transcription only for bots without bot-output, and starts a new caption per utterance', () => {
    const { c, out } = captions();
    c.legacy({ text: 'Old bot.' });
    c.stoppedSpeaking();
    c.stoppedSpeaking(); // nothing open: nothing reported
    c.output({ text: 'New bot.' });
    c.legacy({ text: 'ignored now' });
    c.output({ text: '   ' });
    c.stoppedSpeaking();
    expect(out).to.deep.equal([
      ['Old bot.', false],
      ['Old bot.', true],
      ['New bot.', false],
      ['New bot.', true],
    ]);
  });

  it('RTVI 2.x segments: updates replace, and a late update of a finished segment is not a new caption', () => {
    const { c, out } = captions();
    const greeting = 'Hi! I am the demo agent.';
    c.output({ text: greeting, segment_id: 1, spoken_status: 'new', will_be_spoken: true });
    c.output({ text: 'Hi!', segment_id: 1, spoken_status: 'in-progress' });
    c.stoppedSpeaking(); // the visitor cut in
    c.output({ text: greeting, segment_id: 1, spoken_status: 'completed' }); // arrives late
    c.output({ text: 'You said: hello.', segment_id: 2, spoken_status: 'new' });
    c.output({ text: 'You said: hello.', segment_id: 2, spoken_status: 'completed' });
    c.stoppedSpeaking();
    expect(out).to.deep.equal([
      [greeting, false],
      ['Hi!', false],
      ['Hi!', true],
      ['You said: hello.', false],
      ['You said: hello.', false],
      ['You said: hello.', true],
    ]);
  });
});
