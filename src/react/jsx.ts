/**
 * Typed JSX for using the raw `<iwy-agent>` tag in React 19 (which passes custom-element props and
 * `on<event-name>` listeners through natively). Import once, types only:
 * @example
 * import type {} from 'iwy-agent/jsx';
 * <iwy-agent agent-id="demo" session-url="/api/iwy-session" oniwy-state-change={(e) => e.detail.state} />
 */
import type { IwyEventDetailMap } from '../events.js';
import type { IwyAgentAttributes } from '../attributes.js';
export type { IwyAgentAttributes };

type IwyEventProps = {
  [K in keyof IwyEventDetailMap as `on${K}`]?: (event: CustomEvent<IwyEventDetailMap[K]>) => void;
};


type ReactHTMLProps = import('react').DetailedHTMLProps<import('react').HTMLAttributes<HTMLElement>, HTMLElement>;

export type IwyAgentJSXProps = Omit<ReactHTMLProps, 'lang'> & IwyAgentAttributes & IwyEventProps;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'iwy-agent': IwyAgentJSXProps;
    }
  }
}
