import { z } from 'zod';
import { httpFailure, toMsisdn, type NotifyAdapter, type SendResult } from '../notify-port';

const answerSchema = z.object({ id: z.union([z.string(), z.number()]).optional() }).passthrough();

/**
 * SMS through an HTTP gateway (the brandname gateways of Vietnamese carriers sit behind one): POST JSON
 * `{to, text, brandname, reference}` with a bearer token. Any 2xx is accepted; the gateway's id is kept if it
 * answers one. SMS has no room for HTML: the acknowledge link goes at the end of the text.
 */
export function createHttpSmsAdapter(options: {
  url: string;
  token: string | undefined;
  brandname: string;
  timeoutMs?: number;
}): NotifyAdapter {
  return {
    channel: 'sms',
    transport: 'sms-http',
    async send(m): Promise<SendResult> {
      if (!m.address) return { ok: false, error: 'recipient has no phone number', permanent: true };
      const text = m.ackUrl ? `${m.body} Xac nhan: ${m.ackUrl}` : m.body;
      try {
        const res = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          },
          body: JSON.stringify({
            to: toMsisdn(m.address),
            text,
            brandname: options.brandname,
            reference: `c2-${m.id}`,
          }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        const raw = await res.text();
        if (!res.ok) return httpFailure(res.status, raw);
        const parsed = answerSchema.safeParse(raw ? JSON.parse(raw) : {});
        return {
          ok: true,
          providerId: parsed.success && parsed.data.id !== undefined ? String(parsed.data.id) : null,
        };
      } catch (err) {
        return { ok: false, error: err instanceof Error ? err.message : String(err), permanent: false };
      }
    },
  };
}
