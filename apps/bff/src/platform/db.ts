import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import type { Logger } from './logger';
import { unavailable } from './errors';

/** Parameters a query may bind. Arrays bind as PostgreSQL arrays. */
export type SqlParam =
  string | number | boolean | null | Date | readonly (string | null)[] | readonly number[];

/** Something SQL can run on: the database itself or a transaction. */
export interface Queryable {
  query<T extends object>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
}

/**
 * The database port. One SQL dialect (PostgreSQL) runs on both adapters: PGlite in embedded mode, a pg pool in
 * production. Domain code never knows which.
 */
export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

// node-postgres returns int8 and numeric as strings to avoid precision loss. Our int8 columns are sequence numbers
// and counts far below 2^53, so numbers are what callers want, and PGlite already answers numbers.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/** How long a caller should wait before retrying while the database is away (Retry-After). */
const RETRY_AFTER_SECONDS = 5;

/** Network errors and SQLSTATEs that mean "the server is not there right now", not "this query is wrong". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
function isUnreachable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = 'code' in err && typeof err.code === 'string' ? err.code : '';
  const message = err instanceof Error ? err.message : '';
  return (
    UNREACHABLE_CODES.has(code) ||
    code.startsWith('08') || // connection exception
    code === '57P01' || // admin_shutdown: the server is stopping or restarting
    code === '57P02' || // crash_shutdown
    code === '57P03' || // cannot_connect_now: starting up or shutting down
    /Connection terminated|not queryable|timeout exceeded when trying to connect|Connection ended/i.test(
      message,
    )
  );
}

/**
 * A database that is away (restart, failover, network) becomes the one "unavailable" error: callers answer
 * 503 with Retry-After instead of a 500, and the ingest keeps what it holds unacknowledged.
 */
function unreachable(err: unknown): unknown {
  if (!isUnreachable(err)) return err;
  const e = unavailable('The database is not answering; retry shortly', RETRY_AFTER_SECONDS);
  e.cause = err;
  return e;
}

function toPgParams(params: readonly SqlParam[] | undefined): unknown[] {
  return params ? [...params] : [];
}

/** Drops a private schema and all it holds (a test's or a benchmark's; the product never drops its own). */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

async function openPostgres(url: string, schema: string, logger: Logger): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    options: `-c search_path=${schema}`,
    connectionTimeoutMillis: 5000,
  });
  // An idle client losing its connection (database restart) must not crash the process; the pool replaces it.
  pool.on('error', (err) => logger.warn({ err: err.message }, 'postgres idle client error'));
  const bootstrap = await pool.connect();
  try {
    await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } finally {
    bootstrap.release();
  }
  const db: Db = {
    kind: 'postgres',
    async query<T extends object>(sql: string, params?: readonly SqlParam[]) {
      try {
        return (await pool.query(sql, toPgParams(params))).rows as T[];
      } catch (err) {
        throw unreachable(err);
      }
    },
    async tx<T>(fn: (q: Queryable) => Promise<T>) {
      const client = await pool.connect().catch((err: unknown) => {
        throw unreachable(err);
      });
      let broken = false;
      try {
        await client.query('BEGIN');
        const q: Queryable = {
          async query<R extends object>(sql: string, params?: readonly SqlParam[]) {
            return (await client.query(sql, toPgParams(params))).rows as R[];
          },
        };
        const result = await fn(q);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        broken = isUnreachable(err);
        if (!broken) await client.query('ROLLBACK').catch(() => undefined);
        throw unreachable(err);
      } finally {
        // A connection that died is dropped from the pool, not handed to the next caller.
        client.release(broken);
      }
    },
    async ping() {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await pool.end();
    },
  };
  return db;
}

async function openPglite(dir: string): Promise<Db> {
  if (!dir.startsWith('memory://')) await fs.mkdir(dir, { recursive: true });
  const pglite = await PGlite.create(dir);
  const db: Db = {
    kind: 'pglite',
    async query<T extends object>(sql: string, params?: readonly SqlParam[]) {
      const res = await pglite.query<T>(sql, toPgParams(params));
      return res.rows;
    },
    async tx<T>(fn: (q: Queryable) => Promise<T>) {
      return pglite.transaction(async (tx) =>
        fn({
          async query<R extends object>(sql: string, params?: readonly SqlParam[]) {
            return (await tx.query<R>(sql, toPgParams(params))).rows;
          },
        }),
      );
    },
    async ping() {
      try {
        await pglite.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await pglite.close();
    },
  };
  return db;
}

export interface DbOptions {
  databaseUrl?: string | undefined;
  schema: string;
  pgliteDir: string;
}

/** Opens the database named by the config and brings its schema up to date. */
export async function openDb(options: DbOptions, logger: Logger): Promise<Db> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.schema, logger)
    : await openPglite(options.pgliteDir);
  await migrate(db, logger);
  return db;
}

/**
 * Applies every `migrations/NNN_name.sql` not yet applied, in order, each in its own transaction. An advisory lock
 * keeps two BFF instances starting at once from racing.
 */
export async function migrate(db: Db, logger: Logger): Promise<void> {
  const files = (await fs.readdir(MIGRATIONS_DIR)).filter((f) => /^\d{3}_.+\.sql$/.test(f)).sort();
  await db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock(727274)');
    await q.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await q.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name),
    );
    for (const file of files) {
      if (done.has(file)) continue;
      const sql = await fs.readFile(path.join(MIGRATIONS_DIR, file), 'utf8');
      for (const statement of splitSql(sql)) await q.query(statement);
      await q.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
      logger.info({ migration: file }, 'migration applied');
    }
  });
}

/**
 * Splits a migration on statement-ending semicolons (a semicolon that ends its line). Dollar-quoted bodies
 * (`$$ … $$`, `$tag$ … $tag$`, as PL/pgSQL functions need) are kept whole whatever they contain.
 */
export function splitSql(sql: string): string[] {
  const text = sql.replace(/^\s*--.*$/gm, '').replace(/\s--[^'$\n]*$/gm, '');
  const statements: string[] = [];
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i))?.[0];
      if (tag && (quote === null || quote === tag)) {
        quote = quote === null ? tag : null;
        i += tag.length - 1;
        continue;
      }
    }
    if (quote === null && text[i] === ';' && /^[ \t\r]*(\n|$)/.test(text.slice(i + 1, i + 200))) {
      statements.push(text.slice(start, i));
      start = i + 1;
    }
  }
  statements.push(text.slice(start));
  return statements.map((s) => s.trim()).filter((s) => s.length > 0);
}
