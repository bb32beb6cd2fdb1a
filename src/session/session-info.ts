/**
 * What the customer backend answers (see DESIGN.md "Session endpoint contract").
 * The shape picks the transport: Daily room + token, or a SmallWebRTC offer URL.
 */
export type SessionInfo =
  | { kind: 'daily'; roomUrl: string; dailyToken: string; sessionId?: string; expiresAt?: string }
  | { kind: 'webrtc'; webrtcUrl: string; sessionId?: string; expiresAt?: string };
