import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { signatureSchema, type Signature } from '@c2/api-client/schemas/signature';
import { z } from 'zod';
import { keyIdOf, publicKeyFromPem, verifyWith } from '../../../platform/signing/signature';
import { PACKAGE_FORMAT } from './evidence-package';
import { PURPOSE } from './record-purposes';

export type ProblemKind =
  | 'unreadable'
  | 'missing'
  | 'altered'
  | 'unexpected'
  | 'bad_signature'
  | 'untrusted_key'
  | 'evidence_mismatch';

export interface Problem {
  path: string;
  kind: ProblemKind;
  detail: string;
}

export interface VerificationReport {
  ok: boolean;
  subject: { kind: string; id: string; title: string } | null;
  /** Key ids of the keys in the package that verified something. */
  keyIds: string[];
  filesChecked: number;
  recordsChecked: number;
  problems: Problem[];
}

const manifestSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  subject: z.object({ kind: z.string(), id: z.string(), title: z.string() }),
  issuer: z.string(),
  createdAt: z.string(),
  createdBy: z.record(z.string(), z.unknown()),
  files: z.array(
    z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number() }),
  ),
});
const recordSchema = z.object({
  purpose: z.string(),
  body: z.unknown(),
  signature: signatureSchema.nullable(),
});
const reviewBodySchema = z.object({
  violationId: z.string(),
  evidence: z.array(z.object({ name: z.string(), sha256: z.string().nullable() })),
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const CONTROL = new Set(['manifest.json', 'manifest.sig.json', 'README.txt']);

/** Reads every entry on its own, so one damaged entry is named instead of failing the whole archive. */
function readEntries(zip: Uint8Array): { entries: Map<string, Uint8Array>; damaged: Problem[] } {
  const names: string[] = [];
  unzipSync(zip, {
    filter: (f) => {
      names.push(f.name);
      return false;
    },
  });
  const entries = new Map<string, Uint8Array>();
  const damaged: Problem[] = [];
  for (const name of names) {
    if (name.endsWith('/')) continue;
    try {
      const one = unzipSync(zip, { filter: (f) => f.name === name });
      entries.set(name, one[name]!);
    } catch (err) {
      damaged.push({
        path: name,
        kind: 'unreadable',
        detail: `cannot be decompressed: ${(err as Error).message}`,
      });
    }
  }
  return { entries, damaged };
}

function parseJson(bytes: Uint8Array | undefined): unknown {
  if (!bytes) return undefined;
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Verifies an evidence package offline: the manifest's signature (by a key in the package, and one of the trusted
 * keys when any are given), every file against its manifest hash, no file outside the manifest, every signed
 * record's signature, and the evidence hashes each signed review decision names against the files. Every
 * problem names the file it is about.
 */
export function verifyEvidencePackage(
  zip: Uint8Array,
  options: { trustedKeyIds?: readonly string[] } = {},
): VerificationReport {
  const problems: Problem[] = [];
  const report = (ok: boolean, extra: Partial<VerificationReport> = {}): VerificationReport => ({
    ok,
    subject: null,
    keyIds: [],
    filesChecked: 0,
    recordsChecked: 0,
    problems,
    ...extra,
  });

  let read: ReturnType<typeof readEntries>;
  try {
    read = readEntries(zip);
  } catch (err) {
    problems.push({
      path: '(archive)',
      kind: 'unreadable',
      detail: `not a zip archive: ${(err as Error).message}`,
    });
    return report(false);
  }
  const { entries } = read;
  problems.push(...read.damaged);

  // Keys: each file must hold the key its name says (the id is derived from the key itself).
  const keys = new Map<string, ReturnType<typeof publicKeyFromPem>>();
  for (const [path, bytes] of entries) {
    if (!path.startsWith('keys/')) continue;
    try {
      const key = publicKeyFromPem(Buffer.from(bytes).toString('utf8'));
      const id = keyIdOf(key);
      if (!path.endsWith(`${id.replace(/[^A-Za-z0-9._-]/g, '-')}.pem`))
        problems.push({ path, kind: 'altered', detail: `holds key ${id}, not the key its name says` });
      else keys.set(id, key);
    } catch {
      problems.push({ path, kind: 'unreadable', detail: 'not an Ed25519 public key' });
    }
  }
  const used = new Set<string>();
  const check = (purpose: string, body: unknown, sig: Signature): 'ok' | 'unknown_key' | 'bad' => {
    const key = keys.get(sig.keyId);
    if (!key) return 'unknown_key';
    used.add(sig.keyId);
    return verifyWith(key, purpose, body, sig) ? 'ok' : 'bad';
  };

  // The manifest and its signature.
  const manifest = manifestSchema.safeParse(parseJson(entries.get('manifest.json')));
  const manifestSig = signatureSchema.safeParse(parseJson(entries.get('manifest.sig.json')));
  if (!manifest.success) {
    problems.push({
      path: 'manifest.json',
      kind: entries.has('manifest.json') ? 'unreadable' : 'missing',
      detail: 'no valid manifest',
    });
    return report(false);
  }
  if (!manifestSig.success) {
    problems.push({
      path: 'manifest.sig.json',
      kind: entries.has('manifest.sig.json') ? 'unreadable' : 'missing',
      detail: 'no valid manifest signature',
    });
  } else {
    const result = check(PURPOSE.manifest, manifest.data, manifestSig.data);
    if (result === 'unknown_key')
      problems.push({
        path: 'manifest.sig.json',
        kind: 'bad_signature',
        detail: `signed by key ${manifestSig.data.keyId}, which the package does not carry`,
      });
    else if (result === 'bad')
      problems.push({
        path: 'manifest.json',
        kind: 'bad_signature',
        detail: 'the manifest does not match its signature (it was changed after signing)',
      });
    const trusted = options.trustedKeyIds ?? [];
    if (trusted.length > 0 && !trusted.includes(manifestSig.data.keyId))
      problems.push({
        path: 'manifest.sig.json',
        kind: 'untrusted_key',
        detail: `signed by ${manifestSig.data.keyId}, which is not a trusted key`,
      });
  }

  // Every file listed is present and unchanged; nothing else rides along.
  const listed = new Map(manifest.data.files.map((f) => [f.path, f]));
  let filesChecked = 0;
  for (const f of manifest.data.files) {
    const bytes = entries.get(f.path);
    if (!bytes) {
      if (!read.damaged.some((d) => d.path === f.path))
        problems.push({
          path: f.path,
          kind: 'missing',
          detail: 'listed in the manifest but not in the package',
        });
      continue;
    }
    filesChecked++;
    const actual = sha256(bytes);
    if (actual !== f.sha256 || bytes.length !== f.bytes)
      problems.push({
        path: f.path,
        kind: 'altered',
        detail: `SHA-256 is ${actual}, the manifest says ${f.sha256}`,
      });
  }
  for (const path of entries.keys()) {
    if (!listed.has(path) && !CONTROL.has(path) && !path.startsWith('keys/'))
      problems.push({ path, kind: 'unexpected', detail: 'in the package but not in the manifest' });
  }

  // Signed records, and the evidence each decision was made on.
  let recordsChecked = 0;
  for (const [path, bytes] of entries) {
    if (!path.startsWith('records/') || !path.endsWith('.json') || !listed.has(path)) continue;
    const rec = recordSchema.safeParse(parseJson(bytes));
    if (!rec.success) {
      problems.push({ path, kind: 'unreadable', detail: 'not a signed record' });
      continue;
    }
    recordsChecked++;
    if (!rec.data.signature) {
      problems.push({
        path,
        kind: 'bad_signature',
        detail: 'record has no signature (stored before signing)',
      });
      continue;
    }
    const result = check(rec.data.purpose, rec.data.body, rec.data.signature);
    if (result !== 'ok')
      problems.push({
        path,
        kind: 'bad_signature',
        detail:
          result === 'bad'
            ? 'the record does not match its signature'
            : `signed by unknown key ${rec.data.signature.keyId}`,
      });
    if (rec.data.purpose === PURPOSE.review) {
      const review = reviewBodySchema.safeParse(rec.data.body);
      if (!review.success) continue;
      for (const e of review.data.evidence) {
        const filePath = `evidence/${review.data.violationId}/${e.name}`;
        const bytes2 = entries.get(filePath);
        if (e.sha256 && bytes2 && sha256(bytes2) !== e.sha256)
          problems.push({
            path: filePath,
            kind: 'evidence_mismatch',
            detail: `differs from the file the decision in ${path} was made on`,
          });
      }
    }
  }

  return report(problems.length === 0, {
    subject: manifest.data.subject,
    keyIds: [...used],
    filesChecked,
    recordsChecked,
  });
}
