/**
 * JSON Canonicalization Scheme (RFC 8785): one byte sequence per JSON value, so a signature over it survives any
 * re-serialization (key order, whitespace, number spelling) between signer and verifier.
 *
 * - object members sorted by their names' UTF-16 code units, no whitespace;
 * - numbers as ECMAScript's Number-to-String (which JSON.stringify uses: `1e+30`, `0.002`, `-0` → `0`); NaN and
 *   infinities are not JSON and are refused;
 * - strings escaped as JSON.stringify does (the shortest form, `\u00XX` only for controls without a short one).
 *
 * Values go through `toJSON` first (a Date becomes its ISO string), and `undefined` members are skipped, as
 * JSON.stringify does, so a record and its JSON round trip canonicalize alike.
 */
export function canonicalJson(value: unknown): string {
  return serialize(value, new Set());
}

function serialize(value: unknown, seen: Set<object>): string {
  if (value !== null && typeof value === 'object' && 'toJSON' in value && typeof value.toJSON === 'function')
    value = (value.toJSON as () => unknown)();
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no ${String(value)}`);
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'bigint':
      throw new TypeError('canonical JSON has no bigint (use a string or a safe number)');
    case 'object': {
      if (seen.has(value)) throw new TypeError('canonical JSON cannot represent a cycle');
      seen.add(value);
      try {
        if (Array.isArray(value)) {
          // JSON.stringify writes undefined array items as null; so do we.
          return `[${value.map((v: unknown) => (v === undefined ? 'null' : serialize(v, seen))).join(',')}]`;
        }
        const record = value as Record<string, unknown>;
        const members = Object.keys(record)
          .filter((k) => record[k] !== undefined && typeof record[k] !== 'function')
          .sort()
          .map((k) => `${JSON.stringify(k)}:${serialize(record[k], seen)}`);
        return `{${members.join(',')}}`;
      } finally {
        seen.delete(value);
      }
    }
    default:
      throw new TypeError(`canonical JSON has no ${typeof value}`);
  }
}
