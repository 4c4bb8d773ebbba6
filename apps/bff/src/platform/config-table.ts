import path from 'node:path';
import type { z } from 'zod';
import { CONFIG_KEYS, REPO_ROOT } from './config';

/** The configuration as a Markdown table: env name, embedded default, what it does. */
export function configTable(): string {
  const rows = Object.values(CONFIG_KEYS).map((spec) => {
    const parsed = (spec.schema as z.ZodType).safeParse(undefined);
    let shown = parsed.success && parsed.data !== undefined ? String(parsed.data) : '(unset)';
    if (shown.startsWith(REPO_ROOT)) shown = path.relative(REPO_ROOT, shown) || '.';
    return `| \`${spec.env}\` | \`${shown}\` | ${spec.description} |`;
  });
  return ['| Variable | Default (embedded) | What it does |', '|---|---|---|', ...rows].join('\n');
}
