import { randomUUID } from 'node:crypto';
import fc from 'fast-check';

/**
 * Generators of what a broken or hostile producer sends, as JSON *text* (so a test can put shapes on the wire
 * that no JavaScript object literal produces: an own `__proto__` key, nesting deeper than the stack, escaped
 * lone surrogates) or as raw bytes (invalid UTF-8, truncated documents).
 */

/** A valid native event for a camera, as an object. */
export function validEvent(cameraId: string, id = `prop-${randomUUID()}`) {
  return {
    id,
    cameraId,
    type: 'congestion',
    severity: 'minor',
    ts: new Date().toISOString(),
    objects: [{ label: 'car', confidence: 0.8 }],
    plate: '30A-123.45',
    metadata: { lane: 2 },
  };
}

/** JSON text of `depth` nested arrays or objects around a value. */
export function nestedText(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}0${']'.repeat(depth)}`
    : `${'{"k":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Replaces one field's JSON text in an event's JSON text (the rest stays valid). */
function withField(event: Record<string, unknown>, field: string, valueText: string): string {
  const rest = Object.entries(event)
    .filter(([k]) => k !== field)
    .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
  return `{${[...rest, `${JSON.stringify(field)}:${valueText}`].join(',')}}`;
}

const badText = fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udc00y', '\udbff');

/**
 * Items a batch must refuse, each with a reason: wrong types (numbers as strings and the reverse, arrays where
 * objects go), text the database cannot hold, metadata too deep or too big, sizes over the limits.
 */
export function mustRejectItem(cameraId: string): fc.Arbitrary<string> {
  const base = () => validEvent(cameraId);
  return fc.oneof(
    // Not an event at all.
    fc.constantFrom('[]', '"an event"', '42', 'null', 'true', '{}', '[{"id":"x"}]'),
    // Numbers as strings, strings as numbers, arrays where objects go.
    fc
      .constantFrom(
        ['severity', '2'],
        ['ts', '1767225600'],
        ['ts', '"yesterday"'],
        ['objects', '"car"'],
        ['objects', '{"label":"car"}'],
        ['objects', '[{"label":"car","confidence":"0.9"}]'],
        ['metadata', '[]'],
        ['metadata', '"lane 2"'],
        ['id', '12345'],
        ['id', '""'],
        ['cameraId', '[]'],
        ['type', '"meteor"'],
        ['plate', '{"text":"30A"}'],
      )
      .map(([field, text]) => withField(base(), field!, text!)),
    // Text PostgreSQL cannot store, in every string field and in metadata keys and values.
    fc
      .tuple(fc.constantFrom('id', 'plate', 'snapshot', 'label', 'metaValue', 'metaKey'), badText)
      .map(([where, bad]) => {
        const e = base();
        if (where === 'label')
          return withField(e, 'objects', JSON.stringify([{ label: bad, confidence: 0.5 }]));
        if (where === 'metaValue') return withField(e, 'metadata', JSON.stringify({ note: bad }));
        if (where === 'metaKey') return withField(e, 'metadata', JSON.stringify({ [bad]: 1 }));
        return withField(e, where, JSON.stringify(where === 'plate' ? bad.slice(0, 20) : bad));
      }),
    // Metadata nested deeper than allowed, up to far deeper than any stack.
    fc
      .tuple(fc.integer({ min: 9, max: 60_000 }), fc.constantFrom('array' as const, 'object' as const))
      .map(([depth, kind]) => withField(base(), 'metadata', `{"deep":${nestedText(depth, kind)}}`)),
    // Huge strings: metadata over its size limit, fields over their length limits.
    fc
      .integer({ min: 17_000, max: 400_000 })
      .map((n) => withField(base(), 'metadata', JSON.stringify({ blob: 'x'.repeat(n) }))),
    fc
      .tuple(fc.constantFrom('id', 'cameraId', 'plate', 'snapshot'), fc.integer({ min: 3000, max: 300_000 }))
      .map(([field, n]) => withField(base(), field, JSON.stringify('y'.repeat(n)))),
    // Too many objects or metadata keys.
    fc.constant(
      withField(
        base(),
        'objects',
        JSON.stringify(Array.from({ length: 201 }, () => ({ label: 'car', confidence: 0.5 }))),
      ),
    ),
    fc.constant(
      withField(
        base(),
        'metadata',
        JSON.stringify(Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, i]))),
      ),
    ),
  );
}

/**
 * Items that may or may not be acceptable: arbitrary JSON, and valid events carrying prototype-pollution keys
 * (`__proto__`, `constructor.prototype`) that must never reach Object.prototype.
 */
export function anyHostileItem(cameraId: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
    fc.constantFrom(
      `{"__proto__":{"polluted":"yes"},${JSON.stringify(validEvent(cameraId)).slice(1)}`,
      withField(
        validEvent(cameraId),
        'metadata',
        '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}',
      ),
      withField(
        validEvent(cameraId),
        'objects',
        '[{"__proto__":{"polluted":"yes"},"label":"car","confidence":0.4}]',
      ),
    ),
    mustRejectItem(cameraId),
  );
}

/** Raw bodies that are not a JSON document: random bytes, invalid UTF-8, truncated documents, NUL bytes. */
export function brokenBody(cameraId: string): fc.Arbitrary<Buffer> {
  const doc = JSON.stringify([validEvent(cameraId), validEvent(cameraId)]);
  return fc.oneof(
    fc.uint8Array({ minLength: 1, maxLength: 4096 }).map((b) => Buffer.from(b)),
    fc.integer({ min: 1, max: doc.length - 1 }).map((cut) => Buffer.from(doc.slice(0, cut))),
    fc.constantFrom(
      Buffer.from([0xc3, 0x28]),
      Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
      Buffer.concat([Buffer.from('[{"id":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}]')]),
      Buffer.from('{"id":"a"\u0000}'),
      Buffer.from(`${'['.repeat(100_000)}`),
      Buffer.from(''),
    ),
  );
}
