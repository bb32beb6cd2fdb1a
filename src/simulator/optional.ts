/** The simulator's optional peer dependencies; a missing one gets a message that says what to install. */
export class MissingDependencyError extends Error {
  constructor(readonly dependency: string) {
    super(`The iwy simulator needs ${dependency}: run \`npm install -D ${dependency}\``);
    this.name = 'MissingDependencyError';
  }
}

const versions: Record<string, string> = { 'better-sqlite3': 'better-sqlite3@12', '@roamhq/wrtc': '@roamhq/wrtc@0.10' };

/** Literal imports, so bundlers see them and keep them external. */
const loaders = {
  'better-sqlite3': () => import('better-sqlite3'),
  '@roamhq/wrtc': () => import('@roamhq/wrtc'),
};

export async function loadOptional<T>(name: keyof typeof loaders): Promise<T> {
  try {
    const mod = (await loaders[name]()) as unknown as { default?: T };
    return (mod.default ?? mod) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') throw new MissingDependencyError(versions[name]!);
    throw error;
  }
}

/** Fails fast (at start, not on the first call) when a needed package is not installed at all. */
export function assertInstalled(name: keyof typeof loaders): void {
  try {
    import.meta.resolve(name);
  } catch {
    throw new MissingDependencyError(versions[name]!);
  }
}
