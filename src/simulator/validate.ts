import { badRequest } from './errors.js';

/** A tiny declarative validator: enough for the iwy request bodies, with messages that name the field. */
export type Rule =
  | { type: 'string'; required?: boolean; min?: number; max?: number; pattern?: RegExp; url?: boolean }
  | { type: 'integer'; required?: boolean; min: number; max: number }
  | { type: 'boolean'; required?: boolean }
  | { type: 'enum'; required?: boolean; values: readonly string[] }
  | { type: 'object'; required?: boolean; fields?: Record<string, Rule>; values?: Rule }
  | { type: 'array'; required?: boolean; items: Rule; max?: number };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function check(value: unknown, rule: Rule, path: string, partial: boolean): void {
  if (value === undefined) {
    if (rule.required && !partial) throw badRequest(`${path} is required`);
    return;
  }
  const fail = (what: string) => badRequest(`${path} must be ${what}`);
  switch (rule.type) {
    case 'string':
      if (typeof value !== 'string') throw fail('a string');
      if (value.length < (rule.min ?? 0) || value.length > (rule.max ?? 10_000)) {
        throw fail(`${rule.min ?? 0}..${rule.max ?? 10_000} characters long`);
      }
      if (rule.pattern && !rule.pattern.test(value)) throw fail(`of the form ${rule.pattern.source}`);
      if (rule.url && !/^https?:\/\/[^\s]+$/.test(value)) throw fail('an http(s) URL');
      return;
    case 'integer':
      if (!Number.isInteger(value) || (value as number) < rule.min || (value as number) > rule.max) {
        throw fail(`an integer ${rule.min}..${rule.max}`);
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') throw fail('a boolean');
      return;
    case 'enum':
      if (typeof value !== 'string' || !rule.values.includes(value)) throw fail(`one of ${rule.values.join(', ')}`);
      return;
    case 'array':
      if (!Array.isArray(value) || value.length > (rule.max ?? 100)) throw fail(`an array of at most ${rule.max ?? 100}`);
      value.forEach((item, i) => check(item, rule.items, `${path}[${i}]`, false));
      return;
    case 'object':
      if (!isObject(value)) throw fail('an object');
      // Nested objects are validated in full even in a PATCH: a sent sub-object must make sense alone.
      for (const [key, sub] of Object.entries(rule.fields ?? {})) check(value[key], sub, `${path}.${key}`, partial);
      if (rule.values) for (const [key, v] of Object.entries(value)) check(v, rule.values, `${path}.${key}`, false);
  }
}

/**
 * Validates a parsed JSON body against field rules and keeps only the fields they know, so stray input
 * never lands in storage; `partial` (PATCH) makes top-level fields optional.
 */
export function validateBody<T>(body: unknown, fields: Record<string, Rule>, partial = false): T {
  if (!isObject(body)) throw badRequest('the body must be a JSON object');
  for (const [key, rule] of Object.entries(fields)) check(body[key], rule, key, partial);
  return Object.fromEntries(Object.keys(fields).filter((k) => body[k] !== undefined).map((k) => [k, body[k]])) as T;
}

export { isObject };
