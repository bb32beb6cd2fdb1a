import { randomUUID } from 'node:crypto';
import type { Agent, AgentConfiguration, CreateAgentInput, CreateEphemeralAgentInput, Tool, ToolInput } from '../server/models.js';
import { ApiError, badRequest, notFound } from './errors.js';
import { isObject } from './validate.js';
import type { Store } from './store.js';

/** An agent as stored: single-use agents carry their expiry and whether their one session was taken. */
export interface StoredAgent extends Agent {
  created_at: string;
  updated_at: string;
  single_use?: { expires_at: string; used_at: string | null };
}

export const USER_ID = 'sim-user';
const iso = (ms = Date.now()) => new Date(ms).toISOString();

/** Nested objects merge (PATCH, iwy-api.md "merge unconfirmed": our choice); arrays and scalars replace. */
export function deepMerge<T>(base: T, patch: unknown): T {
  if (!isObject(base) || !isObject(patch)) return patch as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = isObject(v) && isObject(out[k]) ? deepMerge(out[k], v) : v;
  return out as T;
}

/** Agents and tools: the rules of iwy-api.md on top of the document store. */
export class Registry {
  constructor(private readonly store: Store) {}

  /** The public view: permanent agents as iwy shows them; single-use ones also say when they expire. */
  view(agent: StoredAgent): Agent {
    const { single_use, ...rest } = agent;
    return single_use ? { ...rest, expires_at: single_use.expires_at, used: single_use.used_at !== null } : rest;
  }

  private checkTools(configuration: AgentConfiguration | undefined): void {
    for (const id of configuration?.tool_calling?.selected_tool_ids ?? []) {
      if (!this.store.get('tool', id)) throw badRequest(`tool ${id} does not exist`, 'unknown_tool');
    }
  }

  createAgent(input: CreateAgentInput, id: string = randomUUID()): StoredAgent {
    this.checkTools(input.configuration);
    const now = iso();
    return this.store.insert<StoredAgent>('agent', {
      id, user_id: USER_ID, name: input.name, publish_status: input.publish_status ?? 'draft',
      metadata: input.metadata ?? {}, configuration: { version: '1.0', ...input.configuration },
      created_at: now, updated_at: now,
    });
  }

  createSingleUse(input: CreateEphemeralAgentInput): StoredAgent {
    this.checkTools(input.configuration);
    const now = Date.now();
    const expires = now + (input.ttl_seconds ?? 300) * 1000;
    return this.store.insert<StoredAgent>('agent', {
      id: randomUUID(), user_id: USER_ID, name: 'single-use agent', publish_status: 'private',
      metadata: input.metadata ?? {}, configuration: { version: '1.0', ...input.configuration },
      created_at: iso(now), updated_at: iso(now), single_use: { expires_at: iso(expires), used_at: null },
    });
  }

  agent(id: string): StoredAgent {
    const agent = this.store.get<StoredAgent>('agent', this.resolve(id));
    if (!agent) throw notFound('agent');
    return agent;
  }

  listAgents(): StoredAgent[] {
    return this.store.list<StoredAgent>('agent').filter((a) => !a.single_use);
  }

  updateAgent(id: string, patch: Partial<CreateAgentInput>): StoredAgent {
    this.checkTools(patch.configuration);
    const next = this.store.update<StoredAgent>('agent', this.resolve(id), (agent) => {
      // Single-use agents are not editable (iwy-api.md); 409 is our choice of status.
      if (agent.single_use) throw new ApiError(409, 'not_editable', 'single-use agents cannot be changed');
      return { ...deepMerge(agent, patch), updated_at: iso() };
    });
    if (!next) throw notFound('agent');
    return next;
  }

  deleteAgent(id: string): void {
    if (!this.store.delete('agent', this.resolve(id))) throw notFound('agent');
  }

  /** Takes a session for an agent: single-use ones once, before they expire; checked and marked atomically. */
  claimSession(id: string): StoredAgent {
    const next = this.store.update<StoredAgent>('agent', this.resolve(id), (agent) => {
      const once = agent.single_use;
      if (!once) return agent;
      if (once.used_at) throw new ApiError(410, 'agent_used', 'this single-use agent already had its session');
      if (Date.parse(once.expires_at) <= Date.now()) throw new ApiError(410, 'agent_expired', 'this single-use agent has expired');
      return { ...agent, single_use: { ...once, used_at: iso() } };
    });
    if (!next) throw notFound('agent');
    return next;
  }

  /** `"demo"` is an alias of the seeded demo agent. */
  private resolve(id: string): string {
    return id === 'demo' ? this.store.meta('demo_agent_id', () => randomUUID()) : id;
  }

  demoAgentId(): string {
    return this.resolve('demo');
  }

  createTool(input: ToolInput, id: string = randomUUID()): Tool {
    return this.store.insert<Tool>('tool', {
      method: 'POST', headers: {}, timeout_seconds: 20, is_async: false, strict_params: false, tags: [],
      ...input, id, user_id: USER_ID,
    });
  }

  tool(id: string): Tool {
    const tool = this.store.get<Tool>('tool', id);
    if (!tool) throw notFound('tool');
    return tool;
  }

  listTools(): Tool[] {
    return this.store.list<Tool>('tool');
  }

  updateTool(id: string, patch: Partial<ToolInput>): Tool {
    const next = this.store.update<Tool>('tool', id, (tool) => ({ ...tool, ...patch }));
    if (!next) throw notFound('tool');
    return next;
  }

  deleteTool(id: string): void {
    if (!this.store.delete('tool', id)) throw notFound('tool');
  }

  /** Seeds (or refreshes, since the port changes per run) the demo agent and its clock tool. */
  seedDemo(origin: string): void {
    const toolId = this.store.meta('demo_tool_id', () => randomUUID());
    const tool: ToolInput = {
      name: 'get_current_time', description: 'Tells the current time (served by the simulator itself).',
      server_url: `${origin}/v1/demo-tools/clock`, parameters_schema: { type: 'object', properties: {} },
      tags: ['time', 'clock'],
    };
    if (this.store.get('tool', toolId)) this.updateTool(toolId, { server_url: tool.server_url });
    else this.createTool(tool, toolId);
    if (this.store.get('agent', this.demoAgentId())) return;
    this.createAgent({
      name: 'iwy demo agent', publish_status: 'public',
      configuration: {
        llm: {
          model: 'simulated', provider: 'iwy-simulator', system_prompt: 'You are a friendly demo agent.',
          first_message: "Hi! I'm the iwy demo agent, running right on your machine. Type a message, or ask me what time it is.",
        },
        tts: { provider: 'iwy-simulator', voice_id: 'synth' },
        video: { provider: 'iwy-simulator', character_id: '0001' },
        tool_calling: { selected_tool_ids: [toolId] },
      },
    }, this.demoAgentId());
  }
}
