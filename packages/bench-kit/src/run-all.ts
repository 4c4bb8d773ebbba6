import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './report';

/**
 * `pnpm bench`: finds every `*.bench.ts` in the apps, packages and e2e (outside node_modules) and runs each in
 * its own process, one after another (they measure; running two at once would measure each other). Each script
 * rewrites its own section of docs/benchmarks.md. A name filter runs a subset: `pnpm bench event`.
 */
function find(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) find(full, out);
    else if (entry.name.endsWith('.bench.ts')) out.push(full);
  }
  return out;
}

const filter = process.argv[2];
const scripts = ['apps', 'packages', 'e2e']
  .flatMap((d) => find(path.join(REPO_ROOT, d)))
  .filter((f) => !filter || f.includes(filter))
  .sort();
const results: { script: string; ok: boolean; seconds: number }[] = [];
for (const script of scripts) {
  const rel = path.relative(REPO_ROOT, script);
  process.stdout.write(`\n▶ ${rel}\n`);
  const t0 = Date.now();
  const res = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: REPO_ROOT, stdio: 'inherit' });
  results.push({ script: rel, ok: res.status === 0, seconds: (Date.now() - t0) / 1000 });
}
process.stdout.write('\n');
for (const r of results)
  process.stdout.write(`${r.ok ? '✔' : '✖'} ${r.script} (${r.seconds.toFixed(0)} s)\n`);
if (scripts.length === 0) process.stdout.write(`no benchmark matched ${filter ?? ''}\n`);
process.exit(results.some((r) => !r.ok) ? 1 : 0);
