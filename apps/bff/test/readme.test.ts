import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/platform/config';
import { configTable } from '../src/platform/config-table';

describe('README', () => {
  it('when the config schema changes, then the README configuration table must be regenerated', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(configTable());
  });
});
