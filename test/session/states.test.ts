import { expect } from '@open-wc/testing';
import { SESSION_STATES } from '../../src/session/states.js';
import { IwyAgentError } from '../../src/session/errors.js';

describe('states and errors', () => {
  it('lists the public states in lifecycle order', () => {
    expect(SESSION_STATES).to.deep.equal([
      'idle', 'requesting', 'connecting', 'waiting', 'live', 'reconnecting', 'ending', 'ended', 'error',
    ]);
  });
  it('marks configuration errors as not recoverable', () => {
    expect(new IwyAgentError('invalid-config', 'x').recoverable).to.equal(false);
    expect(new IwyAgentError('agent-timeout', 'x').recoverable).to.equal(true);
  });
});
