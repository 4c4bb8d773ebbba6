// `npm test`: install, typecheck, lint, unit + API tests (PGlite, and PostgreSQL too when TEST_DATABASE_URL is
// set), fault tests, build, then the Playwright journeys in Debian's Chromium.
import fs from 'node:fs';
import { ensurePnpm, install, pnpm, run } from './toolchain.mjs';

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
function step(name, args, env) {
  const code = run(pm[0], [...pm.slice(1), ...args], { env });
  summary.push({ name, ok: code === 0 });
}
step('unit + API tests (PGlite)', ['exec', 'vitest', 'run', '--project', 'bff', '--project', 'console'], {
  DATABASE_URL: '',
});
if (process.env.TEST_DATABASE_URL) {
  step('API tests (PostgreSQL)', ['exec', 'vitest', 'run', '--project', 'bff'], {
    DATABASE_URL: process.env.TEST_DATABASE_URL,
  });
}
// Kill and restart BFF processes and private PostgreSQL / Redis / Mosquitto instances, one file at a time, after
// the main suites so they measure nothing else's load (the machine's shared services are never touched).
step('fault tests (private PostgreSQL, Redis, Mosquitto)', ['exec', 'vitest', 'run', '--project', 'faults'], {
  DATABASE_URL: '',
});
pnpm(pm, ['--filter', '@c2/console', 'run', 'build']);
step('e2e journeys (Chromium)', ['exec', 'playwright', 'test'], { CHROME_PATH: chrome });

process.stdout.write('\n');
for (const s of summary) process.stdout.write(`${s.ok ? '✔' : '✖'} ${s.name}\n`);
const failed = summary.filter((s) => !s.ok).length;
process.stdout.write(`suites: ${summary.length - failed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
