/** The attributes of `<iwy-agent>` as they are written in markup (for framework typings). */
export interface IwyAgentAttributes {
  /** The iwy agent to talk to: a UUID, or "demo". */
  'agent-id': string;
  /** Your backend's session endpoint (iwy-agent/server); without it, iwy's public endpoint. */
  'session-url'?: string;
  mode?: 'floating' | 'inline';
  lang?: string;
  autostart?: boolean;
  muted?: boolean;
  captions?: boolean;
  poster?: string;
}
