import { z } from 'zod';
import { httpFailure, toMsisdn, type NotifyAdapter, type SendResult } from '../notify-port';

/** ZNS answers 200 with its own error code: 0 is success, anything else names the problem. */
const znsAnswerSchema = z.object({
  error: z.number(),
  message: z.string().optional(),
  data: z.object({ msg_id: z.string().optional() }).passthrough().optional(),
});

// Codes for a recipient or template that will not work on a retry either (bad phone, no Zalo account, template).
const PERMANENT_ZNS = new Set([-108, -118, -119, -124, -131, -132, -133, -137]);

/**
 * Zalo Official Account template messages (ZNS): POST the template id and its parameters for a phone number,
 * with the OA's access token in the `access_token` header. The ZNS template is registered with Zalo beforehand
 * with the parameters priority, title, camera, level, time and ack_url (its button opens the acknowledge link).
 */
export function createZaloZnsAdapter(options: {
  url: string;
  accessToken: string;
  templateId: string;
  timeoutMs?: number;
}): NotifyAdapter {
  return {
    channel: 'zalo',
    transport: 'zalo-zns',
    async send(m): Promise<SendResult> {
      if (!m.address) return { ok: false, error: 'recipient has no Zalo phone number', permanent: true };
      try {
        const res = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', access_token: options.accessToken },
          body: JSON.stringify({
            phone: toMsisdn(m.address),
            template_id: options.templateId,
            template_data: { ...m.params, ack_url: m.ackUrl ?? '' },
            tracking_id: `c2-${m.id}`,
          }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        const raw = await res.text();
        if (!res.ok) return httpFailure(res.status, raw);
        let json: unknown;
        try {
          json = JSON.parse(raw);
        } catch {
          return { ok: false, error: 'ZNS answer is not JSON', permanent: false };
        }
        const answer = znsAnswerSchema.safeParse(json);
        if (!answer.success)
          return { ok: false, error: 'ZNS answer does not match its contract', permanent: false };
        if (answer.data.error !== 0)
          return {
            ok: false,
            error: `ZNS ${answer.data.error}: ${answer.data.message ?? ''}`,
            permanent: PERMANENT_ZNS.has(answer.data.error),
          };
        return { ok: true, providerId: answer.data.data?.msg_id ?? null };
      } catch (err) {
        return { ok: false, error: err instanceof Error ? err.message : String(err), permanent: false };
      }
    },
  };
}
