/** The simulator's optional peer dependencies; a missing one gets a message that says what to install. */
export class MissingDependencyError extends Error {
  constructor(readonly dependency: string) {
    super(`The iwy simulator needs ${dependency}: run \`npm install -D ${dependency}\``);
    this.name = 'MissingDependencyError';
  }
}

const versions: Record<string, string> = { 'better-sqlite3': 'better-sqlite3@12', '@roamhq/wrtc': '@roamhq/wrtc@0.10' };

export async function loadOptional<T>(name: 'better-sqlite3' | '@roamhq/wrtc'): Promise<T> {
  try {
    const mod = (await import(name)) as { default?: T };
    return (mod.default ?? mod) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') throw new MissingDependencyError(versions[name]!);
    throw error;
  }
}
