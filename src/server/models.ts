/**
 * Typed models of the iwy REST API (see iwy-api.md). Fields iwy documents are typed; anything else
 * the API answers passes through untouched (index signatures), so a new server field never breaks us.
 */

export type PublishStatus = 'draft' | 'private' | 'public';

export interface LlmConfiguration {
  model?: string;
  provider?: string;
  system_prompt?: string;
  /** What the agent says first. */
  first_message?: string;
  voice?: string;
  custom_url?: string;
  cost_per_minute?: number;
  [key: string]: unknown;
}

export interface SttConfiguration {
  model?: string;
  provider?: string;
  cost_per_minute?: number;
  [key: string]: unknown;
}

export interface TtsConfiguration {
  provider?: string;
  voice_id?: string;
  cost_per_minute?: number;
  [key: string]: unknown;
}

export interface VideoConfiguration {
  provider?: string;
  character_id?: string;
  cost_per_minute?: number;
  [key: string]: unknown;
}

export interface AgentConfiguration {
  llm?: LlmConfiguration;
  stt?: SttConfiguration;
  tts?: TtsConfiguration;
  video?: VideoConfiguration;
  version?: string;
  tool_calling?: { selected_tool_ids?: string[]; [key: string]: unknown };
  end_of_conversation?: { callback_url?: string; send_data_on_end?: boolean; [key: string]: unknown };
  [key: string]: unknown;
}

export interface Agent {
  id: string;
  user_id?: string;
  name: string;
  publish_status: PublishStatus;
  metadata?: Record<string, unknown>;
  configuration: AgentConfiguration;
  [key: string]: unknown;
}

export interface CreateAgentInput {
  name: string;
  configuration: AgentConfiguration;
  publish_status?: PublishStatus;
  metadata?: Record<string, unknown>;
}

/** PATCH /agent/{id}: any subset; unsent fields stay. */
export type UpdateAgentInput = Partial<CreateAgentInput>;

export interface CreateEphemeralAgentInput {
  configuration: AgentConfiguration;
  /** 60..86400, default 300. */
  ttl_seconds?: number;
  metadata?: Record<string, unknown>;
}

export interface EphemeralAgent {
  id: string;
  /** ISO-8601 with milliseconds. */
  expires_at: string;
  created_at: string;
  [key: string]: unknown;
}

export type ToolMethod = 'POST' | 'GET' | 'PUT' | 'PATCH' | 'DELETE';

export interface ToolInput {
  /** snake_case. */
  name: string;
  description: string;
  server_url: string;
  /** A JSON Schema for the parameters. */
  parameters_schema: Record<string, unknown>;
  method?: ToolMethod;
  headers?: Record<string, string>;
  /** 1..300, default 20. */
  timeout_seconds?: number;
  is_async?: boolean;
  strict_params?: boolean;
  auth_config?: Record<string, unknown>;
  tags?: string[];
}

export type UpdateToolInput = Partial<ToolInput>;

export interface Tool extends ToolInput {
  id: string;
  user_id?: string;
  [key: string]: unknown;
}

export interface ToolTestInput {
  parameters: Record<string, unknown>;
  validate_only?: boolean;
}

export interface ToolTestResult {
  success: boolean;
  execution_time_ms?: number;
  validation?: unknown;
  message?: string;
  tool?: { id: string; name: string };
  request_sent?: {
    url: string;
    method: string;
    /** Secrets are shown as "[REDACTED]". */
    headers: Record<string, string>;
    payload: unknown;
  };
  response_received?: {
    status: number;
    status_text: string;
    headers: Record<string, string>;
    body: unknown;
    content_type: string;
  };
  [key: string]: unknown;
}

export interface StartSessionInput {
  /** A UUID or "demo". */
  agentId: string;
  /** Per-visitor context; sent only when non-empty. */
  context?: Record<string, unknown>;
}

/**
 * The upstream answer to start-agent-session: a Daily room in production, a SmallWebRTC offer URL
 * from the local simulator.
 */
export interface StartSessionResult {
  roomUrl?: string;
  dailyToken?: string;
  webLink?: string;
  webrtcUrl?: string;
  sessionId?: string;
  expiresAt?: string;
  [key: string]: unknown;
}
