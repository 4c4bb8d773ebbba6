// `npm test`: install, typecheck, lint, unit + API tests (PGlite, and PostgreSQL too when TEST_DATABASE_URL is
// set), fault tests, build, then the Playwright journeys in Debian's Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { ensurePnpm, install, pnpm, ROOT, run } from './toolchain.mjs';

const pm = ensurePnpm();
install(pm);

const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(chrome)) {
  process.stderr.write(
    [
      '',
      '██ No Chromium found at ' + chrome + ' — the end-to-end journeys cannot run.',
      '██ Install it:   sudo apt-get install -y chromium     (Debian/Ubuntu)',
      '██ or point CHROME_PATH at a Chrome/Chromium binary, then run `npm test` again.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

pnpm(pm, ['-r', '--parallel', 'run', 'typecheck']);
pnpm(pm, ['exec', 'eslint', '--max-warnings', '0', '.']);

const summary = [];
function step(name, args, env, failuresOf = () => []) {
  const code = run(pm[0], [...pm.slice(1), ...args], { env });
  summary.push({ name, ok: code === 0, failures: code === 0 ? [] : failuresOf() });
}

// Each Vitest stage also writes a JSON report, so the summary at the very end names the tests that failed (a CI log
// shows its tail; a stage's own failure list scrolls away under the later stages).
fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
function vitest(name, projects, env) {
  const report = path.join(ROOT, 'test-results', `vitest-${projects.join('-')}-${summary.length}.json`);
  fs.rmSync(report, { force: true });
  const args = ['exec', 'vitest', 'run', ...projects.flatMap((p) => ['--project', p])];
  step(name, [...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env, () =>
    vitestFailures(report),
  );
}
function vitestFailures(report) {
  if (!fs.existsSync(report)) return ['(no report: the run stopped before writing one)'];
  const { testResults } = JSON.parse(fs.readFileSync(report, 'utf8'));
  return testResults.flatMap((file) => {
    const where = path.relative(ROOT, file.name);
    const failed = file.assertionResults.filter((t) => t.status === 'failed');
    if (failed.length === 0 && file.status === 'failed')
      return [`${where}: ${file.message || 'failed to run'}`];
    return failed.map(
      (t) => `${where} › ${t.fullName}: ${String(t.failureMessages?.[0] ?? '').split('\n')[0]}`,
    );
  });
}

vitest('unit + API tests (PGlite)', ['bff', 'console'], { DATABASE_URL: '' });
if (process.env.TEST_DATABASE_URL) {
  vitest('API tests (PostgreSQL)', ['bff'], { DATABASE_URL: process.env.TEST_DATABASE_URL });
}
// Kill and restart BFF processes and private PostgreSQL / Redis / Mosquitto instances, one file at a time, after
// the main suites so they measure nothing else's load (the machine's shared services are never touched).
vitest('fault tests (private PostgreSQL, Redis, Mosquitto)', ['faults'], { DATABASE_URL: '' });
pnpm(pm, ['--filter', '@c2/console', 'run', 'build']);
step('e2e journeys (Chromium)', ['exec', 'playwright', 'test'], { CHROME_PATH: chrome });

process.stdout.write('\n');
for (const s of summary) {
  process.stdout.write(`${s.ok ? '✔' : '✖'} ${s.name}\n`);
  for (const f of s.failures) process.stdout.write(`    ✖ ${f.slice(0, 400)}\n`);
}
const failed = summary.filter((s) => !s.ok).length;
process.stdout.write(`suites: ${summary.length - failed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
