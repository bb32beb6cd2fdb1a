import { expect } from '@open-wc/testing';
import { canTransition, TRANSITIONS } from '../../src/session/state-machine.js';
import { parseRetryAfter } from '../../src/session/session-answer.js';
import { ACTIVE_STATES, SESSION_STATES } from '../../src/session/states.js';

describe('session state machine table', () => {
  it('covers every state, and every target is a state', () => {
    expect(Object.keys(TRANSITIONS).sort()).to.deep.equal([...SESSION_STATES].sort());
    for (const targets of Object.values(TRANSITIONS)) for (const t of targets) expect(SESSION_STATES).to.include(t);
  });

  it('lets every active state end or fail, and only ended/error start anew', () => {
    for (const s of ACTIVE_STATES) {
      expect(canTransition(s, 'ending'), s).to.equal(true);
      expect(canTransition(s, 'error'), s).to.equal(true);
    }
    const restartable = SESSION_STATES.filter((s) => s !== 'idle' && canTransition(s, 'requesting'));
    expect(restartable).to.deep.equal(['ended', 'error']);
    expect(canTransition('ending', 'error')).to.equal(false);
    expect(canTransition('idle', 'live')).to.equal(false);
  });
});

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).to.equal(120);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:30 GMT', now)).to.equal(90);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).to.equal(0);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter(null, now)).to.equal(undefined);
  });
});
