import { expect } from '@open-wc/testing';
import '../support/no-unhandled-rejections.js';
import { harness } from './harness.js';

describe('SessionController.configure()', () => {
  it('configure() changes the timeouts for the next start(); undefined restores the default', async () => {
    const h = harness({ readyTimeoutMs: 60_000 });
    h.controller.configure({ readyTimeoutMs: 50 });
    await h.controller.start();
    await h.reach('error', 2000);
    expect(h.controller.snapshot.error?.code).to.equal('agent-timeout');
    h.controller.configure({ readyTimeoutMs: undefined, reconnectTimeoutMs: 50 });
    await h.controller.start();
    h.stub.last.cb.onAgentReady();
    await h.reach('live');
    h.stub.last.cb.onReconnecting();
    await h.reach('error', 2000);
    expect(h.controller.snapshot.error?.code).to.equal('network-lost');
  });
});
