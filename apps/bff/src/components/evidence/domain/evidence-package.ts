import { zipSync, type Zippable } from 'fflate';
import type { Signature } from '@c2/api-client/schemas/signature';
import type { Signer } from '../../../platform/signing/signer';
import { sha256 } from './evidence-vault';
import { PURPOSE } from './record-purposes';

/** The format of `manifest.json`; the verifier refuses any other. */
export const PACKAGE_FORMAT = 'c2-evidence-package/1';

export interface ManifestFile {
  path: string;
  sha256: string;
  bytes: number;
}

export interface Manifest {
  format: typeof PACKAGE_FORMAT;
  subject: { kind: 'violation' | 'case'; id: string; title: string };
  issuer: string;
  createdAt: string;
  createdBy: { id: string; username: string; name: string; role: string };
  files: ManifestFile[];
}

/** A signed record as it travels in a package: what was signed, for what, and the signature. */
export interface SignedRecordFile {
  purpose: string;
  body: unknown;
  signature: Signature | null;
}

const README = `GÓI CHỨNG CỨ ĐIỆN TỬ / ELECTRONIC EVIDENCE PACKAGE

manifest.json       Danh mục mọi tệp và mã băm SHA-256 / every file with its SHA-256
manifest.sig.json   Chữ ký Ed25519 của danh mục / Ed25519 signature of the manifest (RFC 8785 canonical JSON)
keys/               Khóa công khai đã ký / public keys that signed
records/            Bản ghi đã ký: sự kiện AI, vi phạm, quyết định xử lý / signed records: AI events, violations, decisions
evidence/           Ảnh, video chứng cứ / evidence images and clips

Kiểm tra ngoại tuyến / verify offline:  pnpm verify-evidence <tệp.zip> [--trust <key id>]
So sánh key id với khóa công bố của Trung tâm / compare the key id with the one the center publishes.
`;

/**
 * Builds an evidence package: files, a manifest of their SHA-256 hashes signed by the center, the signed records
 * and the public keys, zipped. Everything needed to verify it offline is inside; what is not inside — which key
 * to trust — the verifier is told on its command line.
 */
export function createPackageBuilder(signer: Signer) {
  const files = new Map<string, Buffer>();
  const keyIds = new Set<string>([signer.keyId]);

  const builder = {
    add(path: string, bytes: Buffer): void {
      if (files.has(path)) throw new Error(`duplicate package path ${path}`);
      files.set(path, bytes);
    },
    addJson(path: string, value: unknown): void {
      builder.add(path, Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8'));
    },
    addRecord(path: string, record: SignedRecordFile): void {
      if (record.signature) keyIds.add(record.signature.keyId);
      builder.addJson(path, record);
    },
    async finish(meta: Omit<Manifest, 'format' | 'files'>): Promise<Buffer> {
      const manifest: Manifest = {
        format: PACKAGE_FORMAT,
        ...meta,
        files: [...files.entries()]
          .map(([path, bytes]) => ({ path, sha256: sha256(bytes), bytes: bytes.length }))
          .sort((a, b) => a.path.localeCompare(b.path)),
      };
      const signature = signer.sign(PURPOSE.manifest, manifest, meta.createdAt);
      const zip: Zippable = {};
      const mtime = new Date(meta.createdAt);
      for (const [path, bytes] of files) {
        // Images and video are already compressed: store them, so a byte in the archive is a byte of the file.
        const stored = /\.(jpe?g|png|mp4|webm)$/i.test(path);
        zip[path] = [new Uint8Array(bytes), { level: stored ? 0 : 6, mtime }];
      }
      zip['manifest.json'] = [Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), { mtime }];
      zip['manifest.sig.json'] = [Buffer.from(`${JSON.stringify(signature, null, 2)}\n`), { mtime }];
      for (const keyId of keyIds) {
        const pem = await signer.publicKeyPem(keyId);
        if (pem) zip[`keys/${keyFileName(keyId)}`] = [Buffer.from(pem), { mtime }];
      }
      zip['README.txt'] = [Buffer.from(README), { mtime }];
      return Buffer.from(zipSync(zip));
    },
  };
  return builder;
}
export type PackageBuilder = ReturnType<typeof createPackageBuilder>;

/** `ed25519:ab12…` → `ed25519-ab12….pem` (a colon is not a portable file-name character). */
export const keyFileName = (keyId: string) => `${keyId.replace(/[^A-Za-z0-9._-]/g, '-')}.pem`;
