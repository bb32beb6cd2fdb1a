import type { Rule } from './validate.js';

/** Field rules of the iwy request bodies (iwy-api.md). Unknown fields are ignored, not stored. */
const text = (max = 10_000): Rule => ({ type: 'string', max });
const service = (extra: Record<string, Rule> = {}): Rule => ({
  type: 'object',
  fields: { model: text(200), provider: text(200), cost_per_minute: { type: 'integer', min: 0, max: 1_000_000 }, ...extra },
});

export const configurationRule: Rule = {
  type: 'object',
  fields: {
    llm: service({ system_prompt: text(20_000), first_message: text(2_000), voice: text(200), custom_url: text(2_000) }),
    stt: service(),
    tts: service({ voice_id: text(200) }),
    video: service({ character_id: text(200) }),
    version: text(20),
    tool_calling: { type: 'object', fields: { selected_tool_ids: { type: 'array', items: text(100), max: 50 } } },
    end_of_conversation: {
      type: 'object',
      fields: { callback_url: { type: 'string', url: true, max: 2_000 }, send_data_on_end: { type: 'boolean' } },
    },
  },
};

const metadata: Rule = { type: 'object' };

export const agentRules: Record<string, Rule> = {
  name: { type: 'string', required: true, min: 1, max: 200 },
  configuration: { ...configurationRule, required: true },
  publish_status: { type: 'enum', values: ['draft', 'private', 'public'] },
  metadata,
};

export const ephemeralRules: Record<string, Rule> = {
  configuration: { ...configurationRule, required: true },
  ttl_seconds: { type: 'integer', min: 60, max: 86_400 },
  metadata,
};

export const toolRules: Record<string, Rule> = {
  name: { type: 'string', required: true, min: 1, max: 64, pattern: /^[a-z][a-z0-9_]*$/ },
  description: { type: 'string', required: true, min: 1, max: 2_000 },
  server_url: { type: 'string', required: true, url: true, max: 2_000 },
  parameters_schema: { type: 'object', required: true },
  method: { type: 'enum', values: ['POST', 'GET', 'PUT', 'PATCH', 'DELETE'] },
  headers: { type: 'object', values: text(4_000) },
  timeout_seconds: { type: 'integer', min: 1, max: 300 },
  is_async: { type: 'boolean' },
  strict_params: { type: 'boolean' },
  auth_config: { type: 'object' },
  tags: { type: 'array', items: text(100), max: 50 },
};

export const toolTestRules: Record<string, Rule> = {
  parameters: { type: 'object', required: true },
  validate_only: { type: 'boolean' },
};

export const startSessionRules: Record<string, Rule> = {
  agentId: { type: 'string', required: true, min: 1, max: 100 },
  context: { type: 'object' },
};
