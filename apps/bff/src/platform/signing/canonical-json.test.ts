import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

/** Builds a double from its IEEE-754 bits, as RFC 8785 Appendix B lists them. */
function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('canonical JSON (RFC 8785)', () => {
  it('when given the RFC section 3.2.2 sample, then the output is the RFC output byte for byte', () => {
    // The sample input of RFC 8785 §3.2.2, parsed as a JSON parser would.
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        ' "literals": [null, true, false]}',
    ) as unknown;
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('when keys need sorting, then they are ordered by UTF-16 code units (RFC section 3.2.3)', () => {
    const input = JSON.parse(
      '{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh",' +
        ' "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control",' +
        ' "\\u00f6": "Latin Small Letter O With Diaeresis"}',
    ) as Record<string, string>;
    // Object.values would put the integer-like key "1" first, so read the order off the text itself.
    const order = [...canonicalJson(input).matchAll(/:"([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual([
      'Carriage Return',
      'One',
      'Control',
      'Latin Small Letter O With Diaeresis',
      'Euro Sign',
      'Emoji: Grinning Face',
      'Hebrew Letter Dalet With Dagesh',
    ]);
  });

  it('when numbers are the RFC Appendix B samples, then each serializes as listed', () => {
    const samples: Array<[string, string]> = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [bits, expected] of samples) expect(canonicalJson(fromBits(bits)), bits).toBe(expected);
  });

  it('when a value is not JSON (NaN, Infinity, bigint, a cycle), then canonicalization refuses it', () => {
    expect(() => canonicalJson(fromBits('7fffffffffffffff'))).toThrow(/NaN/);
    expect(() => canonicalJson(Infinity)).toThrow(/Infinity/);
    expect(() => canonicalJson({ n: 1n })).toThrow(/bigint/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cycle/);
  });

  it('when a record makes a JSON round trip, then its canonical form does not change', () => {
    const record = {
      b: [1, 'x', { z: null, a: new Date('2026-03-01T01:02:03.004Z') }],
      a: 0.1,
      skip: undefined,
      nested: { ô: 'Bắc Ninh', e: '' },
    };
    const once = canonicalJson(record);
    expect(canonicalJson(JSON.parse(JSON.stringify(record)))).toBe(once);
    expect(once).toBe(
      '{"a":0.1,"b":[1,"x",{"a":"2026-03-01T01:02:03.004Z","z":null}],"nested":{"e":"","ô":"Bắc Ninh"}}',
    );
  });
});
