import { z } from 'zod';

/**
 * Limits on what producers may send, so that anything a schema accepts can also be stored and shown: PostgreSQL
 * `text` cannot hold U+0000, `jsonb` refuses it and unpaired UTF-16 surrogates (which are not UTF-8 either), and
 * an unbounded JSON value costs memory, stack and bandwidth all the way to every console.
 */

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when PostgreSQL text and jsonb can hold the string as it is. */
export function isStorableText(s: string): boolean {
  return !s.includes('\u0000') && !UNPAIRED_SURROGATE.test(s);
}

export const NOT_STORABLE = 'must not contain NUL or unpaired surrogate characters';

/** A string schema that also refuses what the database cannot store. */
export function storableText(schema: z.ZodString = z.string()) {
  return schema.refine(isStorableText, NOT_STORABLE);
}

export interface JsonLimits {
  maxDepth: number;
  /** Approximate serialized size: string lengths plus a few bytes per value. */
  maxBytes: number;
}

/**
 * What is wrong with a JSON value under these limits, or null. Walks with its own stack (a hostile value may be
 * nested far deeper than the call stack allows), and stops at the first problem.
 */
export function jsonProblem(value: unknown, limits: JsonLimits): string | null {
  const stack: Array<[unknown, number]> = [[value, 1]];
  let bytes = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (depth > limits.maxDepth) return `nested deeper than ${limits.maxDepth} levels`;
    bytes += 8;
    if (typeof v === 'string') {
      bytes += v.length;
      if (!isStorableText(v)) return `a string ${NOT_STORABLE}`;
    } else if (Array.isArray(v)) {
      for (const item of v) stack.push([item, depth + 1]);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        bytes += k.length;
        if (!isStorableText(k)) return `a key ${NOT_STORABLE}`;
        stack.push([item, depth + 1]);
      }
    } else if (typeof v === 'number' && !Number.isFinite(v)) return 'numbers must be finite';
    else if (v !== null && typeof v !== 'number' && typeof v !== 'boolean') return `${typeof v} is not JSON`;
    if (bytes > limits.maxBytes) return `larger than ${limits.maxBytes} bytes`;
  }
  return null;
}
