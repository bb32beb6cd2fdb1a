/**
 * Focuses the main control of what `<iwy-agent>` shows now: retry, start, the bubble, or else the
 * call controls (the host's slotted ones or the default `<iwy-controls>`, which delegates focus).
 */
export async function focusMainControl(root: HTMLElement | DocumentFragment): Promise<void> {
  const slot = root.querySelector<HTMLSlotElement>('slot[name=controls]');
  const controls = (slot?.assignedElements()[0] ?? root.querySelector('iwy-controls')) as HTMLElement | null;
  if (controls && 'updateComplete' in controls) await controls.updateComplete;
  const target = root.querySelector<HTMLElement>('[part~=retry-button],[part~=start-button],[part~=bubble]') ?? controls;
  target?.focus();
}
