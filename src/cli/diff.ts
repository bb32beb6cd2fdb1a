/** One difference between what iwy has and what the file asks for. */
export interface Change {
  path: string;
  from: unknown;
  to: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What must change for `current` to match `desired`. Only keys the file names are compared (iwy adds
 * its own fields, such as costs, that a file need not repeat); arrays and scalars compare whole.
 */
export function diff(current: unknown, desired: unknown, path = ''): Change[] {
  if (isObject(desired) && isObject(current)) {
    return Object.keys(desired).flatMap((key) => diff(current[key], desired[key], path ? `${path}.${key}` : key));
  }
  return deepEqual(current, desired) ? [] : [{ path, from: current, to: desired }];
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** `configuration.llm.first_message: "Hi" → "Hello"`, values cut to stay one line each. */
export function formatChange({ path, from, to }: Change): string {
  return `${path}: ${show(from)} → ${show(to)}`;
}

function show(value: unknown): string {
  if (value === undefined) return '(unset)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
