// Shared by `npm start` and `npm test`: make sure pnpm exists, install the workspace, run commands loudly.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '10.34.9';

export function run(cmd, args, options = {}) {
  const shown = [cmd, ...args].join(' ');
  process.stdout.write(`\n▶ ${shown}\n`);
  const res = spawnSync(cmd, args, {
    stdio: 'inherit',
    cwd: ROOT,
    ...options,
    env: { ...process.env, ...options.env },
  });
  if (res.error) throw res.error;
  return res.status ?? 1;
}

export function mustRun(cmd, args, options) {
  const code = run(cmd, args, options);
  if (code !== 0) {
    process.stderr.write(`\n✖ failed (exit ${code}): ${[cmd, ...args].join(' ')}\n`);
    process.exit(code);
  }
}

function has(cmd, args) {
  const res = spawnSync(cmd, args, { stdio: 'ignore' });
  return !res.error && res.status === 0;
}

/** Returns the command that runs pnpm, installing it globally with npm when it is missing. */
export function ensurePnpm() {
  if (has('pnpm', ['--version'])) return ['pnpm'];
  process.stdout.write(`pnpm not found; installing pnpm@${PNPM_VERSION} with npm\n`);
  if (run('npm', ['install', '-g', `pnpm@${PNPM_VERSION}`]) === 0 && has('pnpm', ['--version']))
    return ['pnpm'];
  // No permission for a global install: run it through npx instead.
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

export function pnpm(pm, args, options) {
  mustRun(pm[0], [...pm.slice(1), ...args], options);
}

export function install(pm) {
  pnpm(pm, ['install', '--frozen-lockfile']);
}
