import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { entryHash, GENESIS_HASH } from './audit-chain';

const entry = {
  id: 1,
  ts: '2026-01-02T03:04:05.678Z',
  actorId: 'u1',
  actorName: 'admin',
  action: 'auth.login',
  target: null,
  ip: '127.0.0.1',
  detail: { b: 1, a: [true, 'x'] },
};

describe('canonical JSON and the entry hash', () => {
  it('when keys come in another order, then the canonical form and the hash are the same', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe(
      '{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}',
    );
    const reordered = { ...entry, detail: { a: [true, 'x'], b: 1 } };
    expect(entryHash(GENESIS_HASH, reordered)).toBe(entryHash(GENESIS_HASH, entry));
  });

  it('when any field or the previous hash changes, then the hash changes', () => {
    const h = entryHash(GENESIS_HASH, entry);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash(GENESIS_HASH, { ...entry, actorName: 'admim' })).not.toBe(h);
    expect(entryHash(GENESIS_HASH, { ...entry, detail: { b: 2, a: [true, 'x'] } })).not.toBe(h);
    expect(entryHash(GENESIS_HASH, { ...entry, id: 2 })).not.toBe(h);
    expect(entryHash('1'.repeat(64), entry)).not.toBe(h);
  });

  it('when strings hold quotes, unicode or control characters, then they are escaped unambiguously', () => {
    expect(canonicalJson({ s: 'Phường "Kinh Bắc"\n\u0001' })).toBe('{"s":"Phường \\"Kinh Bắc\\"\\n\\u0001"}');
  });
});
