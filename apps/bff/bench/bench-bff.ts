import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { totpAt } from '../src/components/auth/domain/totp';
import { EMBEDDED_SEED_TOTP_SECRET } from '../src/platform/config';

/**
 * The TOTP code of the seeded accounts now, for benchmarks that sign in as an MFA role (admin, investigator): the
 * login answers the second step in one request when the code comes with the password.
 */
export const seedCode = (): string => totpAt(EMBEDDED_SEED_TOTP_SECRET, Date.now() / 1000);

/** Signs a seeded account in (with the seed TOTP code for MFA roles) and answers its cookie header. */
export async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'BacNinh@2026', code: seedCode() }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/**
 * Starts a TypeScript child (the BFF, a baseline server) and resolves once it prints that it listens.
 * BENCH_CPU_PROF_DIR=dir: each child writes a V8 CPU profile there when it exits (open it in Chrome DevTools).
 */
export function startChild(
  args: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; line: string }> {
  const prof = process.env.BENCH_CPU_PROF_DIR;
  const flags = prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const hit = /(ready \d+|console at \S+)/.exec(out);
      if (hit) resolve({ child, line: hit[1]! });
    });
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}: ${out.slice(-2000)}`)));
  });
}

/**
 * Stops a child and waits until it has exited (SIGKILL after `ms`): a BFF still draining its backlog holds locks
 * that a schema drop right after a bare kill deadlocks on.
 */
export async function stopChild(child: ChildProcess | null, ms = 30_000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  await exited;
  clearTimeout(timer);
}

/** Whether PostgreSQL answers at `url` (else a benchmark runs on PGlite). */
export async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
