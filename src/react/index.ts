/**
 * `iwy-agent/react`: a React component for `<iwy-agent>` with typed event props.
 * @example
 * import { IwyAgent } from 'iwy-agent/react';
 * <IwyAgent agentId="demo" sessionUrl="/api/iwy-session" onStateChange={(e) => console.log(e.detail.state)} />
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { IwyAgentElement } from '../element/iwy-agent.element.js';
import { defineIwyAgent } from '../element/define.js';
import type { IwyEventDetailMap } from '../events.js';
export type { IwyAgentJSXProps, IwyAgentAttributes } from './jsx.js';

defineIwyAgent();

const event = <K extends keyof IwyEventDetailMap>(name: K) => name as EventName<CustomEvent<IwyEventDetailMap[K]>>;

export const IwyAgent = createComponent({
  react: React,
  tagName: 'iwy-agent',
  elementClass: IwyAgentElement,
  displayName: 'IwyAgent',
  events: {
    onStateChange: event('iwy-state-change'),
    onSessionRequest: event('iwy-session-request'),
    onConnected: event('iwy-connected'),
    onAgentReady: event('iwy-agent-ready'),
    onTranscript: event('iwy-transcript'),
    onAgentSpeaking: event('iwy-agent-speaking'),
    onUserSpeaking: event('iwy-user-speaking'),
    onMicChange: event('iwy-mic-change'),
    onDisconnected: event('iwy-disconnected'),
    onError: event('iwy-error'),
  },
});
