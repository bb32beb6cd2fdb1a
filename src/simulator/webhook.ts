import type { Tool, ToolTestResult } from '../server/models.js';

/** Header names whose values are secrets: shown as "[REDACTED]" in every report (iwy-api.md). */
const SECRET_HEADER = /auth|token|key|secret|cookie|password|signature/i;
const MAX_BODY_CHARS = 64_000;

export const redactHeaders = (headers: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, SECRET_HEADER.test(k) ? '[REDACTED]' : v]));

export interface WebhookResult {
  ok: boolean;
  executionMs: number;
  request: NonNullable<ToolTestResult['request_sent']>;
  response?: NonNullable<ToolTestResult['response_received']>;
  error?: string;
}

/**
 * Calls a tool's webhook the way iwy does: the tool's method, URL, headers and timeout, with the JSON
 * body `{tool_id, tool_name, parameters}`. GET and DELETE cannot carry a body through fetch, so for them
 * the parameters travel as query parameters (our choice; unconfirmed).
 */
export async function callWebhook(tool: Tool, parameters: Record<string, unknown>, signal?: AbortSignal): Promise<WebhookResult> {
  const method = tool.method ?? 'POST';
  const payload = { tool_id: tool.id, tool_name: tool.name, parameters };
  const url = new URL(tool.server_url);
  const withBody = method !== 'GET' && method !== 'DELETE';
  if (!withBody) for (const [k, v] of Object.entries(parameters)) url.searchParams.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  const headers: Record<string, string> = { ...(withBody ? { 'content-type': 'application/json' } : {}), ...tool.headers };
  const request = { url: url.toString(), method, headers: redactHeaders(headers), payload };
  const started = performance.now();
  const timeout = AbortSignal.timeout((tool.timeout_seconds ?? 20) * 1000);
  try {
    const res = await fetch(url, {
      method, headers, body: withBody ? JSON.stringify(payload) : undefined,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout, redirect: 'manual',
    });
    const contentType = res.headers.get('content-type') ?? '';
    const raw = (await res.text()).slice(0, MAX_BODY_CHARS);
    let body: unknown = raw;
    if (contentType.includes('json')) {
      try { body = JSON.parse(raw); } catch { /* not JSON after all: report the text */ }
    }
    const response = {
      status: res.status, status_text: res.statusText, body, content_type: contentType,
      headers: redactHeaders(Object.fromEntries(res.headers.entries())),
    };
    return { ok: res.ok, executionMs: Math.round(performance.now() - started), request, response };
  } catch (error) {
    const timedOut = timeout.aborted;
    const message = timedOut ? `timed out after ${tool.timeout_seconds ?? 20} s` : `request failed: ${(error as Error).message}`;
    return { ok: false, executionMs: Math.round(performance.now() - started), request, error: message };
  }
}

/** A minimal parameter check against the tool's JSON Schema: required properties and primitive types. */
export function validateParameters(schema: Record<string, unknown>, parameters: Record<string, unknown>) {
  const errors: string[] = [];
  const props = (schema.properties ?? {}) as Record<string, { type?: string }>;
  for (const name of (schema.required ?? []) as string[]) if (!(name in parameters)) errors.push(`${name} is required`);
  for (const [name, value] of Object.entries(parameters)) {
    const type = props[name]?.type;
    const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value === 'number' && Number.isInteger(value) && type === 'integer' ? 'integer' : typeof value;
    if (type && type !== actual && !(type === 'number' && actual === 'number')) errors.push(`${name} must be ${type}`);
  }
  return { valid: errors.length === 0, errors };
}

/** The report of `POST /tool/{id}/test` (iwy-api.md). */
export async function testTool(tool: Tool, parameters: Record<string, unknown>, validateOnly: boolean): Promise<ToolTestResult> {
  const validation = validateParameters(tool.parameters_schema, parameters);
  const info = { tool: { id: tool.id, name: tool.name }, validation };
  if (validateOnly || !validation.valid) {
    const message = validation.valid ? 'parameters are valid' : `invalid parameters: ${validation.errors.join('; ')}`;
    return { success: validation.valid, execution_time_ms: 0, message, ...info };
  }
  const r = await callWebhook(tool, parameters);
  const message = r.error ?? (r.ok ? 'webhook answered successfully' : `webhook answered ${r.response?.status}`);
  return { success: r.ok, execution_time_ms: r.executionMs, message, ...info, request_sent: r.request, ...(r.response ? { response_received: r.response } : {}) };
}
