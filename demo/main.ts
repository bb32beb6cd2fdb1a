import '../src/index.js';
import type { IwyEventName } from '../src/events.js';
import type { IwyAgentElement } from '../src/element/iwy-agent.element.js';

const EVENTS: IwyEventName[] = [
  'iwy-state-change',
  'iwy-session-request',
  'iwy-connected',
  'iwy-agent-ready',
  'iwy-transcript',
  'iwy-agent-speaking',
  'iwy-user-speaking',
  'iwy-mic-change',
  'iwy-disconnected',
  'iwy-error',
];

const log = document.querySelector<HTMLOListElement>('#log')!;
const inline = document.getElementById('inline') as IwyAgentElement;

for (const type of EVENTS) {
  document.addEventListener(type, (event) => {
    const source = (event.target as HTMLElement).id;
    const item = document.createElement('li');
    const time = new Date().toLocaleTimeString();
    item.textContent = `${time}  ${source}  ${type}  ${JSON.stringify((event as CustomEvent).detail)}`;
    log.prepend(item);
    while (log.children.length > 200) log.lastElementChild!.remove();
  });
}

document.querySelector<HTMLFormElement>('#send')!.addEventListener('submit', (event) => {
  event.preventDefault();
  const input = document.querySelector<HTMLInputElement>('#text')!;
  if (input.value.trim()) inline.sendText(input.value.trim());
  input.value = '';
});
document.querySelector('#start')!.addEventListener('click', () => void inline.start());
document.querySelector('#end')!.addEventListener('click', () => void inline.end());
