// Prints the README's configuration table from the config schema; with --write, replaces it in README.md.
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../src/platform/config';
import { configTable } from '../src/platform/config-table';

const table = configTable();
if (process.argv.includes('--write')) {
  const file = path.join(REPO_ROOT, 'README.md');
  const readme = fs.readFileSync(file, 'utf8');
  const start = readme.indexOf('| Variable |');
  const end = readme.indexOf('\n\n', start);
  if (start < 0 || end < 0) throw new Error('README.md has no configuration table to replace');
  fs.writeFileSync(file, readme.slice(0, start) + table + readme.slice(end));
} else {
  process.stdout.write(`${table}\n`);
}
