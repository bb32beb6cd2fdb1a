import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { loadOptional } from './optional.js';

export type Kind = 'agent' | 'tool';

/**
 * Storage of agents and tools as JSON documents in SQLite (better-sqlite3): a file in `dataDir` (WAL, so
 * a restart keeps everything) or in memory. better-sqlite3 is synchronous, so each read-modify-write
 * below runs inside one transaction and concurrent requests can never interleave inside it.
 */
export class Store {
  private constructor(private readonly db: BetterSqlite3.Database) {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.exec(`CREATE TABLE IF NOT EXISTS records (
      kind TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, created_at INTEGER NOT NULL,
      PRIMARY KEY (kind, id));
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`);
  }

  static async open(dataDir?: string): Promise<Store> {
    const Database = await loadOptional<typeof BetterSqlite3>('better-sqlite3');
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    return new Store(new Database(dataDir ? join(dataDir, 'iwy-simulator.sqlite') : ':memory:'));
  }

  get<T>(kind: Kind, id: string): T | undefined {
    const row = this.db.prepare('SELECT data FROM records WHERE kind = ? AND id = ?').get(kind, id) as
      | { data: string }
      | undefined;
    return row ? (JSON.parse(row.data) as T) : undefined;
  }

  list<T>(kind: Kind): T[] {
    const rows = this.db.prepare('SELECT data FROM records WHERE kind = ? ORDER BY created_at, id').all(kind) as {
      data: string;
    }[];
    return rows.map((r) => JSON.parse(r.data) as T);
  }

  insert<T extends { id: string }>(kind: Kind, doc: T): T {
    this.db.prepare('INSERT INTO records (kind, id, data, created_at) VALUES (?, ?, ?, ?)').run(kind, doc.id, JSON.stringify(doc), Date.now());
    return doc;
  }

  /** Read-modify-write in one transaction; `change` returns the new document (or throws to abort). */
  update<T>(kind: Kind, id: string, change: (doc: T) => T): T | undefined {
    return this.db.transaction(() => {
      const doc = this.get<T>(kind, id);
      if (doc === undefined) return undefined;
      const next = change(doc);
      this.db.prepare('UPDATE records SET data = ? WHERE kind = ? AND id = ?').run(JSON.stringify(next), kind, id);
      return next;
    }).immediate();
  }

  delete(kind: Kind, id: string): boolean {
    return this.db.prepare('DELETE FROM records WHERE kind = ? AND id = ?').run(kind, id).changes > 0;
  }

  meta(key: string, fallback: () => string): string {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
      if (row) return row.value;
      const value = fallback();
      this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(key, value);
      return value;
    }).immediate();
  }

  close(): void {
    this.db.close();
  }
}
