import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * Private PostgreSQL, Redis and Mosquitto instances for fault tests: each on a free port, with its data in a temp
 * dir, started as a child process this test owns, so a test can stop, kill and restart it without touching the
 * machine's shared services (other test runs use those at the same time). Every instance is killed and its dir
 * removed by `dispose()`, and, should the test process die first, by an exit hook.
 */
export interface PrivateService {
  readonly url: string;
  readonly port: number;
  /** Starts it again on the same port and data (after stop, crash or kill). */
  start(): Promise<void>;
  /** Graceful stop (what an operator's restart does); resolves once the process has exited. */
  stop(): Promise<void>;
  /** SIGKILL, no shutdown work at all. */
  kill(): Promise<void>;
  restart(): Promise<void>;
  readonly running: boolean;
  /** Kills it and removes its data. Safe to call twice. */
  dispose(): Promise<void>;
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) killGroup(child, 'SIGKILL');
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // Detached children lead their own process group: this reaches PostgreSQL's backends too.
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not come up within ${timeoutMs} ms`);
}

function tcpOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

interface Spec {
  name: string;
  command: string;
  args: string[];
  /** Run as this user (PostgreSQL refuses to run as root). */
  user?: { uid: number; gid: number };
  ready: () => Promise<boolean>;
  stopSignal: NodeJS.Signals;
  dir: string;
  url: string;
  port: number;
}

function managed(spec: Spec): PrivateService {
  let child: ChildProcess | null = null;
  let stderr = '';
  let disposed = false;

  async function start(): Promise<void> {
    if (child) throw new Error(`${spec.name} is already running`);
    stderr = '';
    const c = spawn(spec.command, spec.args, {
      cwd: spec.dir,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      ...(spec.user ?? {}),
    });
    c.stderr!.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    live.add(c);
    c.once('exit', () => {
      live.delete(c);
      if (child === c) child = null;
    });
    child = c;
    try {
      await waitFor(
        spec.name,
        async () => {
          if (c.exitCode !== null) throw new Error(`${spec.name} exited: ${stderr}`);
          return spec.ready();
        },
        30_000,
      );
    } catch (err) {
      killGroup(c, 'SIGKILL');
      throw new Error(`${spec.name} failed to start: ${String(err)}\n${stderr}`);
    }
  }

  async function signalAndWait(signal: NodeJS.Signals): Promise<void> {
    const c = child;
    if (!c) return;
    killGroup(c, signal);
    const done = exited(c);
    const timeout = setTimeout(() => killGroup(c, 'SIGKILL'), 20_000);
    await done;
    clearTimeout(timeout);
    if (child === c) child = null;
  }

  return {
    url: spec.url,
    port: spec.port,
    start,
    stop: () => signalAndWait(spec.stopSignal),
    kill: () => signalAndWait('SIGKILL'),
    async restart() {
      await signalAndWait(spec.stopSignal);
      await start();
    },
    get running() {
      return child !== null;
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      await signalAndWait('SIGKILL');
      await fs.promises.rm(spec.dir, { recursive: true, force: true });
    },
  };
}

/** Debian's server binaries (PG_BIN overrides): the newest installed major version. */
function pgBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error(`no PostgreSQL server binaries under ${root} (set PG_BIN)`);
  return path.join(root, versions[0], 'bin');
}

function userIds(name: string): { uid: number; gid: number } {
  const out = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (out.status !== 0 || gid.status !== 0) throw new Error(`no ${name} user to run PostgreSQL as`);
  return { uid: Number(out.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** A fresh PostgreSQL cluster (initdb) owned by the `postgres` user when we run as root. */
export async function startPrivatePostgres(): Promise<PrivateService & { database: string }> {
  const PG_BIN = pgBin();
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'c2-fault-pg-'));
  const user = process.getuid?.() === 0 ? userIds('postgres') : undefined;
  if (user) await fs.promises.chown(dir, user.uid, user.gid);
  const data = path.join(dir, 'data');
  const init = await new Promise<{ code: number | null; out: string }>((resolve) => {
    const c = spawn(
      path.join(PG_BIN, 'initdb'),
      ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], ...(user ?? {}) },
    );
    let out = '';
    c.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    c.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    c.once('exit', (code) => resolve({ code, out }));
  });
  if (init.code !== 0) {
    await fs.promises.rm(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${init.out}`);
  }
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const service = managed({
    name: 'postgres',
    command: path.join(PG_BIN, 'postgres'),
    args: [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      // Page-cache durability is enough: the machine does not crash in these tests, the server does.
      '-c',
      'fsync=off',
      '-c',
      'shared_buffers=16MB',
      '-c',
      'max_connections=60',
    ],
    user,
    dir,
    port,
    url,
    // SIGINT: PostgreSQL's "fast" shutdown, what `pg_ctl restart` does (open connections are cut).
    stopSignal: 'SIGINT',
    ready: async () => {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.query('SELECT 1');
        return true;
      } finally {
        await client.end().catch(() => undefined);
      }
    },
  });
  await service.start();
  return Object.assign(service, { database: url });
}

export async function startPrivateRedis(): Promise<PrivateService> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'c2-fault-redis-'));
  const port = await freePort();
  const service = managed({
    name: 'redis',
    command: 'redis-server',
    args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    dir,
    port,
    url: `redis://127.0.0.1:${port}`,
    stopSignal: 'SIGTERM',
    ready: () => tcpOpen(port),
  });
  await service.start();
  return service;
}

/**
 * A Mosquitto broker. With `persistence` its sessions and queued messages survive a graceful restart (it writes
 * them on SIGTERM), as a production broker is configured.
 */
export async function startPrivateMosquitto(
  options: { persistence?: boolean; maxQueued?: number } = {},
): Promise<PrivateService> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'c2-fault-mqtt-'));
  const port = await freePort();
  const conf = path.join(dir, 'mosquitto.conf');
  const lines = [
    `listener ${port} 127.0.0.1`,
    'allow_anonymous true',
    `persistence ${options.persistence === false ? 'false' : 'true'}`,
    `persistence_location ${dir}/`,
    // Enough for every message of a test burst to wait in an offline session (the default, 1000, drops the rest).
    `max_queued_messages ${options.maxQueued ?? 100000}`,
    'log_dest stderr',
    'log_type error',
    'log_type warning',
  ];
  // Started as root, Mosquitto drops to the `mosquitto` user, which could not write our temp dir.
  if (process.getuid?.() === 0) lines.push('user root');
  await fs.promises.writeFile(conf, `${lines.join('\n')}\n`);
  const service = managed({
    name: 'mosquitto',
    command: 'mosquitto',
    args: ['-c', conf],
    dir,
    port,
    url: `mqtt://127.0.0.1:${port}`,
    stopSignal: 'SIGTERM',
    ready: () => tcpOpen(port),
  });
  await service.start();
  return service;
}
