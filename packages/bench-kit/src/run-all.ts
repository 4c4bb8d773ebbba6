import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, table, writeBenchSection } from './report';

/**
 * `pnpm bench`: finds every `*.bench.ts` in the apps, packages and e2e (outside node_modules) and runs each in
 * its own process, one after another (they measure; running two at once would measure each other). Each script
 * rewrites its own section of docs/benchmarks.md; a full run (no filter) also writes a summary of what ran and
 * how long it took against the budget. A name filter runs a subset: `pnpm bench event`.
 *
 * Each benchmark runs in its own process group, killed as a whole if it overruns BENCH_TIMEOUT_MINUTES (default
 * 10) and swept after it exits, so a benchmark that fails half-way leaves no server behind to disturb the next.
 * `pnpm bench` keeps to its 20-minute budget on 2 cores by running each benchmark in its short form (BENCH_QUICK=1,
 * shorter windows, fewer samples); `BENCH_FULL=1 pnpm bench` runs the long forms (one-minute windows, the
 * ten-minute video-wall soak: about an hour).
 */
const BUDGET_MINUTES = 20;
const FULL = process.env.BENCH_FULL === '1';
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MINUTES ?? 10) * 60_000;

function find(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) find(full, out);
    else if (entry.name.endsWith('.bench.ts')) out.push(full);
  }
  return out;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function runOne(script: string): Promise<{ ok: boolean; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: REPO_ROOT,
      // Tells a benchmark it runs inside the whole set (the dashboards one then bounds its one-time seed).
      env: { ...process.env, BENCH_ALL: '1', ...(FULL ? { BENCH_QUICK: '0' } : { BENCH_QUICK: '1' }) },
      stdio: 'inherit',
      detached: true,
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.stdout.write(
        `\n✖ ${path.relative(REPO_ROOT, script)} overran ${TIMEOUT_MS / 60_000} min: killed\n`,
      );
      killGroup(child.pid!, 'SIGKILL');
    }, TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      // Whatever it started and left running (a server after a failure) goes with it.
      killGroup(child.pid!, 'SIGTERM');
      setTimeout(() => killGroup(child.pid!, 'SIGKILL'), 2000).unref();
      resolve({ ok: code === 0 && !timedOut, timedOut });
    });
  });
}

const filter = process.argv[2];
const scripts = ['apps', 'packages', 'e2e']
  .flatMap((d) => find(path.join(REPO_ROOT, d)))
  .filter((f) => !filter || f.includes(filter))
  .sort();
const results: { script: string; ok: boolean; seconds: number }[] = [];
const t0 = Date.now();
for (const script of scripts) {
  const rel = path.relative(REPO_ROOT, script);
  process.stdout.write(`\n▶ ${rel}\n`);
  const started = Date.now();
  const { ok } = await runOne(script);
  results.push({ script: rel, ok, seconds: (Date.now() - started) / 1000 });
}
const totalMinutes = (Date.now() - t0) / 60_000;
process.stdout.write('\n');
for (const r of results)
  process.stdout.write(`${r.ok ? '✔' : '✖'} ${r.script} (${r.seconds.toFixed(0)} s)\n`);
process.stdout.write(`total ${totalMinutes.toFixed(1)} min (budget ${BUDGET_MINUTES} min)\n`);
if (scripts.length === 0) process.stdout.write(`no benchmark matched ${filter ?? ''}\n`);
else if (!filter) {
  writeBenchSection({
    id: 'run-all',
    title: 'Last full run',
    command: `${FULL ? 'BENCH_FULL=1 ' : ''}pnpm bench`,
    body: [
      `${results.length} benchmarks, ${FULL ? 'long forms' : 'short forms (BENCH_QUICK=1)'}, ${totalMinutes.toFixed(1)} min in all (budget for the short forms: ${BUDGET_MINUTES} min on 2 cores).`,
      '',
      table(
        ['benchmark', 'result', 'seconds'],
        results.map((r) => [`\`${r.script}\``, r.ok ? 'ok' : 'FAILED', r.seconds.toFixed(0)]),
      ),
    ].join('\n'),
  });
}
process.exit(results.some((r) => !r.ok) ? 1 : 0);
