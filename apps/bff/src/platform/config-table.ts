import path from 'node:path';
import type { z } from 'zod';
import { CONFIG_KEYS, REPO_ROOT } from './config';

/** The configuration as a Markdown table: env name, embedded default, what it does. */
export function configTable(): string {
  const rows = Object.values(CONFIG_KEYS).map((spec) => {
    const parsed = (spec.schema as z.ZodType).safeParse(undefined);
    let shown = parsed.success ? describeDefault(parsed.data) : '(unset)';
    if (shown.startsWith(REPO_ROOT)) shown = path.relative(REPO_ROOT, shown) || '.';
    return `| \`${spec.env}\` | \`${shown}\` | ${spec.description} |`;
  });
  return ['| Variable | Default (embedded) | What it does |', '|---|---|---|', ...rows].join('\n');
}

/** An unset key's parsed value as a reader would name it: empty collections are "unset" too. */
function describeDefault(value: unknown): string {
  if (value === undefined || value === null) return '(unset)';
  if (Array.isArray(value)) return value.length === 0 ? '(unset)' : value.join(',');
  if (typeof value === 'object') return Object.keys(value).length === 0 ? '(unset)' : JSON.stringify(value);
  return String(value);
}
