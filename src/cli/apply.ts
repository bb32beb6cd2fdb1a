import type { IwyClient } from '../server/iwy-client.js';
import { diff, formatChange } from './diff.js';
import { CliError, usageError } from './io.js';

type Entry = Record<string, unknown> & { name: string };
interface Named {
  id: string;
  name: string;
}

/** How `apply` reaches one kind of resource. */
export interface ApplyTarget {
  kind: 'agent' | 'tool';
  list(): Promise<Named[]>;
  create(entry: Entry): Promise<Named>;
  update(id: string, patch: Record<string, unknown>): Promise<Named>;
  /** Rewrites entries before comparing (e.g. tool names → ids). */
  prepare?(entries: Entry[]): Promise<Entry[]>;
}

export interface ApplyResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** Fields iwy owns: present when a file was made from `get` output, never sent back. */
const SERVER_FIELDS = new Set(['id', 'user_id', 'created_at', 'updated_at']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks a file's content (one object or an array of them, unique names) before anything is sent. */
export function parseEntries(kind: string, data: unknown, file: string): Entry[] {
  const list = Array.isArray(data) ? data : [data];
  if (list.length === 0) throw usageError(`${file} holds no ${kind}s`);
  const names = new Set<string>();
  return list.map((item, i) => {
    const where = Array.isArray(data) ? `${file}[${i}]` : file;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw usageError(`${where}: a ${kind} must be a JSON object`);
    const entry = Object.fromEntries(Object.entries(item).filter(([k]) => !SERVER_FIELDS.has(k)));
    if (typeof entry.name !== 'string' || !entry.name.trim()) throw usageError(`${where}: a ${kind} needs a "name" (apply matches by name)`);
    if (names.has(entry.name)) throw usageError(`${where}: the name "${entry.name}" appears twice`);
    names.add(entry.name);
    return entry as Entry;
  });
}

/**
 * Idempotent apply: matches by name, creates what is missing, patches only the top-level fields that
 * differ, and prints one line per resource plus the changed paths. Stops at the first failure.
 */
export async function apply(
  target: ApplyTarget,
  entries: Entry[],
  dryRun: boolean,
  out: (line: string) => void,
): Promise<ApplyResult> {
  const prepared = target.prepare ? await target.prepare(entries) : entries;
  const existing = new Map<string, Named>();
  for (const item of await target.list()) {
    if (existing.has(item.name)) {
      throw new CliError(`two ${target.kind}s in iwy are named "${item.name}"; rename one so apply can tell them apart`);
    }
    existing.set(item.name, item);
  }
  const result: ApplyResult = { created: 0, updated: 0, unchanged: 0 };
  const would = dryRun ? 'would be ' : '';
  for (const entry of prepared) {
    const label = `${target.kind} "${entry.name}"`;
    const current = existing.get(entry.name);
    if (!current) {
      const id = dryRun ? undefined : (await target.create(entry)).id;
      out(`+ ${label} ${would}created${id ? ` (${id})` : ''}`);
      result.created++;
      continue;
    }
    const changes = diff(current, entry);
    if (changes.length === 0) {
      out(`= ${label} unchanged (${current.id})`);
      result.unchanged++;
      continue;
    }
    const fields = [...new Set(changes.map((c) => c.path.split('.')[0]!))];
    if (!dryRun) await target.update(current.id, Object.fromEntries(fields.map((f) => [f, entry[f]])));
    out(`~ ${label} ${would}updated (${current.id})`);
    for (const change of changes) out(`    ${formatChange(change)}`);
    result.updated++;
  }
  return result;
}

export function agentTarget(client: IwyClient): ApplyTarget {
  return {
    kind: 'agent',
    list: () => client.listAgents(),
    create: (e) => client.createAgent(e as never),
    update: (id, patch) => client.updateAgent(id, patch),
    prepare: (entries) => resolveToolNames(client, entries),
  };
}

export function toolTarget(client: IwyClient): ApplyTarget {
  return {
    kind: 'tool',
    list: () => client.listTools(),
    create: (e) => client.createTool(e as never),
    update: (id, patch) => client.updateTool(id, patch),
  };
}

/**
 * Lets an agent file name its tools (`"selected_tool_ids": ["get_weather"]`) so the same file works
 * in every environment, where tool ids differ. UUIDs pass unchanged.
 */
async function resolveToolNames(client: IwyClient, entries: Entry[]): Promise<Entry[]> {
  const refs = (e: Entry) => (e.configuration as { tool_calling?: { selected_tool_ids?: unknown } } | undefined)?.tool_calling?.selected_tool_ids;
  const named = entries.some((e) => Array.isArray(refs(e)) && (refs(e) as unknown[]).some((r) => typeof r === 'string' && !UUID.test(r)));
  if (!named) return entries;
  const ids = new Map((await client.listTools()).map((t) => [t.name, t.id]));
  return entries.map((entry) => {
    const list = refs(entry);
    if (!Array.isArray(list)) return entry;
    const resolved = list.map((ref) => {
      if (typeof ref !== 'string' || UUID.test(ref)) return ref;
      const id = ids.get(ref);
      if (!id) throw new CliError(`agent "${entry.name}" selects tool "${ref}", which does not exist in iwy (apply the tools first)`);
      return id;
    });
    const configuration = entry.configuration as Record<string, Record<string, unknown>>;
    return { ...entry, configuration: { ...configuration, tool_calling: { ...configuration.tool_calling, selected_tool_ids: resolved } } };
  });
}
