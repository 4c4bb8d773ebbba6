import {
  serviceDecisionAnswerSchema,
  servicePageSchema,
  type ServiceDecision,
  type ServiceViolation,
} from '@c2/api-client/schemas/violation-service';
import type { z } from 'zod';
import type { EvidenceFile, ViolationsPort } from '../violations-port';

const MAX_EVIDENCE_BYTES = 64 * 1024 * 1024;

export class ViolationServiceError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'ViolationServiceError';
  }
}

/**
 * The violation processing service over HTTP (`VIOLATIONS_URL`). Every answer is validated against the contract
 * before it reaches the BFF; an answer that does not match is an error, never half-trusted data.
 */
export function createHttpViolations(options: {
  url: string;
  token?: string | undefined;
  timeoutMs?: number;
  fetch?: typeof fetch;
}): ViolationsPort {
  const base = options.url.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const doFetch = options.fetch ?? fetch;
  let lastError: string | null = null;

  async function call(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (options.token) headers.set('authorization', `Bearer ${options.token}`);
    try {
      const res = await doFetch(`${base}${path}`, {
        ...init,
        headers,
        signal: AbortSignal.timeout(timeoutMs),
      });
      lastError = res.ok || res.status === 404 ? null : `HTTP ${res.status} on ${path}`;
      return res;
    } catch (err) {
      // undici says "fetch failed" and keeps the reason (refused, reset, timed out) in `cause`.
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      lastError = `${path}: ${(err as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ''}`;
      throw new ViolationServiceError(lastError, null);
    }
  }

  async function json<S extends z.ZodType>(res: Response, schema: S, what: string): Promise<z.output<S>> {
    const parsed = schema.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new ViolationServiceError(`${what}: answer does not match the contract (${issues})`, res.status);
    }
    return parsed.data;
  }

  return {
    adapter: 'http',
    async poll(after, limit) {
      const q = new URLSearchParams({ limit: String(limit) });
      if (after) q.set('after', after);
      const res = await call(`/v1/violations?${q.toString()}`);
      if (!res.ok) throw new ViolationServiceError(`list: HTTP ${res.status}`, res.status);
      return json(res, servicePageSchema, 'list');
    },
    onAvailable() {
      return () => undefined;
    },
    async evidence(record: ServiceViolation, name: string): Promise<EvidenceFile | null> {
      const res = await call(
        `/v1/violations/${encodeURIComponent(record.id)}/evidence/${encodeURIComponent(name)}`,
      );
      if (res.status === 404) return null;
      if (!res.ok) throw new ViolationServiceError(`evidence: HTTP ${res.status}`, res.status);
      const declared = Number(res.headers.get('content-length') ?? 0);
      if (declared > MAX_EVIDENCE_BYTES)
        throw new ViolationServiceError('evidence: file too large', res.status);
      const bytes = Buffer.from(await res.arrayBuffer());
      if (bytes.length > MAX_EVIDENCE_BYTES)
        throw new ViolationServiceError('evidence: file too large', res.status);
      return { bytes, contentType: res.headers.get('content-type') ?? 'application/octet-stream' };
    },
    async decide(id: string, decision: ServiceDecision): Promise<void> {
      const res = await call(`/v1/violations/${encodeURIComponent(id)}/decision`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(decision),
      });
      if (!res.ok) {
        const text = (await res.text().catch(() => '')).slice(0, 200);
        throw new ViolationServiceError(`decision: HTTP ${res.status} ${text}`.trim(), res.status);
      }
      await json(res, serviceDecisionAnswerSchema, 'decision');
    },
    async start() {},
    async stop() {},
    async health() {
      try {
        const res = await call('/v1/violations?limit=1');
        return res.ok
          ? { ok: true, detail: `violation service at ${base}` }
          : { ok: false, detail: `violation service answered HTTP ${res.status}` };
      } catch {
        return { ok: false, detail: lastError ?? 'violation service unreachable' };
      }
    },
  };
}
