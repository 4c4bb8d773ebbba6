import type { Signature } from '@c2/api-client/schemas/signature';
import type { Queryable } from '../../../platform/db';
import { signatureOf } from '../../../platform/signing/signer';

export async function insertEventSignatures(
  q: Queryable,
  rows: ReadonlyArray<{ eventId: string; signature: Signature }>,
): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO event_signatures (event_id, sig_key_id, sig_signed_at, sig_value)
     SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[])
     ON CONFLICT (event_id) DO NOTHING`,
    [
      rows.map((r) => r.eventId),
      rows.map((r) => r.signature.keyId),
      rows.map((r) => r.signature.signedAt),
      rows.map((r) => r.signature.value),
    ],
  );
}

export async function selectEventSignatures(
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, Signature>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<{
    event_id: string;
    sig_key_id: string;
    sig_signed_at: Date;
    sig_value: string;
  }>('SELECT * FROM event_signatures WHERE event_id = ANY($1::text[])', [ids]);
  const out = new Map<string, Signature>();
  for (const r of rows) {
    const s = signatureOf(r);
    if (s) out.set(r.event_id, s);
  }
  return out;
}
