import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  serviceDecisionSchema,
  type ServiceDecision,
  type ServiceViolation,
} from '@c2/api-client/schemas/violation-service';

/**
 * A violation processing service implementing the contract of api-client `schemas/violation-service.ts`, on a
 * real local HTTP server, for testing the BFF's HTTP adapter end to end.
 */
export async function startViolationService(options: { token: string }) {
  const records: ServiceViolation[] = [];
  const files = new Map<string, { bytes: Buffer; contentType: string }>();
  const decisions: Array<{ id: string; decision: ServiceDecision }> = [];
  const state = { failDecisions: 0, requests: 0, unauthorized: 0 };

  const server = http.createServer((req, res) => {
    state.requests++;
    const send = (status: number, body: unknown, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(type === 'application/json' ? JSON.stringify(body) : (body as Buffer));
    };
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      state.unauthorized++;
      return send(401, { error: 'unauthorized' });
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (req.method === 'GET' && url.pathname === '/v1/violations') {
      const after = Number(url.searchParams.get('after') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const items = records.slice(after, after + limit);
      return send(200, {
        items,
        cursor: items.length > 0 ? String(after + items.length) : url.searchParams.get('after'),
      });
    }
    if (req.method === 'GET' && parts.length === 3 && parts[0] === 'v1') {
      const r = records.find((x) => x.id === parts[2]);
      return r ? send(200, r) : send(404, { error: 'not found' });
    }
    if (req.method === 'GET' && parts.length === 5 && parts[3] === 'evidence') {
      const f = files.get(`${parts[2]}/${parts[4]}`);
      return f ? send(200, f.bytes, f.contentType) : send(404, { error: 'not found' });
    }
    if (req.method === 'POST' && parts.length === 4 && parts[3] === 'decision') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        if (state.failDecisions > 0) {
          state.failDecisions--;
          return send(503, { error: 'busy' });
        }
        const parsed = serviceDecisionSchema.safeParse(JSON.parse(body));
        if (!parsed.success) return send(400, { error: parsed.error.message });
        const id = parts[2]!;
        const prior = decisions.find((d) => d.id === id);
        if (prior && prior.decision.decision !== parsed.data.decision)
          return send(409, { error: 'already decided' });
        if (!prior) decisions.push({ id, decision: parsed.data });
        send(200, { accepted: true });
      });
      return;
    }
    send(404, { error: 'no such route' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    state,
    decisions,
    add(record: ServiceViolation, evidence: Record<string, { bytes: Buffer; contentType: string }>) {
      records.push(record);
      for (const [name, f] of Object.entries(evidence)) files.set(`${record.id}/${name}`, f);
    },
    /** Replaces a file at the source (to test that the center notices). */
    replaceFile(id: string, name: string, bytes: Buffer) {
      const f = files.get(`${id}/${name}`)!;
      files.set(`${id}/${name}`, { ...f, bytes });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
