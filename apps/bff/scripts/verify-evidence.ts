// Verifies an evidence package offline: `pnpm verify-evidence <package.zip> [--trust <key id>]... [--json]`.
// Exit code 0: everything verifies; 1: something was tampered with (each file named); 2: cannot be read.
import fs from 'node:fs';
import path from 'node:path';
import { verifyEvidencePackage, type Problem } from '../src/components/evidence/domain/package-verifier';

const KIND: Record<Problem['kind'], string> = {
  unreadable: 'UNREADABLE',
  missing: 'MISSING',
  altered: 'TAMPERED',
  unexpected: 'NOT IN MANIFEST',
  bad_signature: 'SIGNATURE INVALID',
  untrusted_key: 'UNTRUSTED KEY',
  evidence_mismatch: 'TAMPERED (differs from the evidence the decision was made on)',
};

function usage(): never {
  process.stderr.write('usage: pnpm verify-evidence <package.zip> [--trust <key id>]... [--json]\n');
  process.exit(2);
}

const args = process.argv.slice(2);
const trusted: string[] = [];
let json = false;
let file: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--trust') trusted.push(args[++i] ?? usage());
  else if (a === '--json') json = true;
  else if (a === '--') continue;
  else if (a.startsWith('-')) usage();
  else file = a;
}
if (!file) usage();

// pnpm runs scripts from the workspace root; a relative path means the caller's directory.
const resolved = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
let bytes: Buffer;
try {
  bytes = fs.readFileSync(resolved);
} catch (err) {
  process.stderr.write(`cannot read ${resolved}: ${(err as Error).message}\n`);
  process.exit(2);
}

const report = verifyEvidencePackage(new Uint8Array(bytes), { trustedKeyIds: trusted });
if (json) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const out: string[] = [`Evidence package: ${resolved}`];
  if (report.subject)
    out.push(`Subject: ${report.subject.kind} ${report.subject.id} — ${report.subject.title}`);
  out.push(`Signed by: ${report.keyIds.join(', ') || '(no key verified anything)'}`);
  if (trusted.length === 0)
    out.push('Note: no --trust key given; compare the key id above with the one the center publishes.');
  out.push(`Checked ${report.filesChecked} files and ${report.recordsChecked} signed records.`);
  for (const p of report.problems) out.push(`${KIND[p.kind]}: ${p.path} — ${p.detail}`);
  out.push(
    report.ok
      ? 'RESULT: VERIFIED — nothing was changed since the center signed it.'
      : `RESULT: NOT VERIFIED — ${report.problems.length} problem(s).`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
}
process.exit(report.ok ? 0 : report.problems.some((p) => p.path === '(archive)') ? 2 : 1);
