import { expect } from '@open-wc/testing';
import '../support/no-unhandled-rejections.js';
import { harness } from './harness.js';

describe('SessionController in a browser that denies the microphone', () => {
  it('fails with mic-permission-denied and leaves nothing live; a retry fails the same way', async () => {
    const h = harness({ getUserMedia: undefined });
    await h.controller.start();
    expect(h.trace).to.deep.equal(['idle', 'requesting', 'error']);
    expect(h.named('iwy-error')[0]).to.include({ code: 'mic-permission-denied', recoverable: true });
    // the transport code may have loaded in parallel, but it never connected
    expect(h.stub.transports.flatMap((t) => t.calls)).to.not.include('connect');
    await h.mic.settled();
    await h.controller.start();
    expect(h.trace).to.deep.equal(['idle', 'requesting', 'error', 'requesting', 'error']);
  });
});
