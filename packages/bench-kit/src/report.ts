import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DOC = path.join(REPO_ROOT, 'docs/benchmarks.md');

const HEADER = `# Benchmarks

Every figure here was printed by a script in the repository, each next to a baseline measured **in the same run**
(same process or page), because the machines are noisy and only ratios travel. \`pnpm bench\` runs them all and
rewrites the sections below; each benchmark can also be run alone (its command is in its section).
`;

/** One line naming the machine a result came from. */
export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

/**
 * Replaces (or appends) this benchmark's section of docs/benchmarks.md, between markers, leaving the others as
 * they are. The section names the command that reproduces it, the machine and the date.
 */
export function writeBenchSection(opts: { id: string; title: string; command: string; body: string }): void {
  // A benchmark run in its short form says so, whether or not its own command string does.
  const command =
    process.env.BENCH_QUICK === '1' && !opts.command.includes('BENCH_QUICK')
      ? `BENCH_QUICK=1 ${opts.command}`
      : opts.command;
  const start = `<!-- bench:${opts.id} -->`;
  const end = `<!-- /bench:${opts.id} -->`;
  const section = [
    start,
    `## ${opts.title}`,
    '',
    `Reproduce: \`${command}\` · ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${machine()}`,
    '',
    opts.body.trim(),
    end,
  ].join('\n');
  let doc = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : HEADER;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i >= 0 && j > i) doc = doc.slice(0, i) + section + doc.slice(j + end.length);
  else doc = `${doc.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(DOC, doc);
  process.stdout.write(`\n${section}\n\nwritten to ${path.relative(REPO_ROOT, DOC)}\n`);
}

/** A Markdown table from a header row and data rows. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}
