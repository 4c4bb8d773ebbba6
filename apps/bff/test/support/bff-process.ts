import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../../src/platform/config';
import { PASSWORD } from './test-server';
import { freePort } from './private-services';

/**
 * The real BFF as its own process (`node --import tsx apps/bff/src/main.ts`), for tests that kill it, restart it
 * or run several. It keeps its port across restarts (consoles and producers point at one address, and the MQTT
 * client id defaults to host and port). Killed by `dispose()` and by an exit hook should the test die first.
 */
export interface BffProcess {
  readonly url: string;
  readonly port: number;
  readonly running: boolean;
  /** Starts (again) with the same environment; resolves when /readyz answers 200. */
  start(): Promise<void>;
  /** SIGKILL: no shutdown work, nothing flushed. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful shutdown main.ts runs. */
  stop(): Promise<void>;
  /** What the process wrote lately, logs and crashes (for a failure message). */
  output(): string;
  dispose(): Promise<void>;
}

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

/** Environment of a small, quiet province; everything the machine's env might set is overridden explicitly. */
export function bffEnv(env: Record<string, string>): Record<string, string> {
  return {
    HOST: '127.0.0.1',
    DATABASE_URL: '',
    REDIS_URL: '',
    MQTT_URL: '',
    SIM_CAMERAS: '60',
    SIM_UNITS: '2',
    SIM_EVENTS_PER_MINUTE: '0',
    SIM_FAULTS: 'false',
    SEED_PASSWORD: PASSWORD,
    CONSOLE_DIST: '/nonexistent',
    LOG_LEVEL: 'warn',
    ...env,
  };
}

export async function startBff(
  env: Record<string, string>,
  options: { port?: number; readyTimeoutMs?: number } = {},
): Promise<BffProcess> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let output = '';

  async function start(): Promise<void> {
    if (child) throw new Error('BFF already running');
    const c = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'apps/bff/src/main.ts')], {
      cwd: path.join(REPO_ROOT, 'apps/bff'),
      env: { ...process.env, ...bffEnv(env), PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The logger writes to stdout, crashes to stderr: keep the tail of both.
    const keep = (d: Buffer) => {
      output = (output + d.toString()).slice(-50_000);
    };
    c.stdout!.on('data', keep);
    c.stderr!.on('data', keep);
    children.add(c);
    c.once('exit', () => {
      children.delete(c);
      if (child === c) child = null;
    });
    child = c;
    const until = Date.now() + (options.readyTimeoutMs ?? 90_000);
    while (Date.now() < until) {
      if (c.exitCode !== null) throw new Error(`BFF exited with ${c.exitCode}:\n${output}`);
      const status = await fetch(`${url}/readyz`)
        .then((r) => r.status)
        .catch(() => 0);
      if (status === 200) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    // Not left running behind a failed test.
    c.kill('SIGKILL');
    throw new Error(`BFF on ${port} not ready in time:\n${output}`);
  }

  async function signal(sig: NodeJS.Signals): Promise<void> {
    const c = child;
    if (!c) return;
    const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
    c.kill(sig);
    const force = setTimeout(() => c.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(force);
  }

  await start();
  return {
    url,
    port,
    get running() {
      return child !== null;
    },
    start,
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
    output: () => output,
    dispose: () => signal('SIGKILL'),
  };
}
