import { expect } from '@open-wc/testing';

describe('a browser that denies the microphone', () => {
  it('rejects getUserMedia with NotAllowedError', async () => {
    const err = await navigator.mediaDevices.getUserMedia({ audio: true }).then(
      () => undefined,
      (e: DOMException) => e,
    );
    expect(err?.name).to.equal('NotAllowedError');
  });
});
