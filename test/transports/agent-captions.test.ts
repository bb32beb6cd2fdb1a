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
});
