import type { Channel } from '@c2/api-client/schemas/alert';

/** Fields template channels fill in (Zalo ZNS); e-mail and SMS carry the rendered subject and body. */
export interface MessageParams {
  priority: string;
  title: string;
  camera: string;
  level: string;
  time: string;
}

/** One message as an adapter sends it: already addressed, rendered and signed (the acknowledge link). */
export interface OutgoingMessage {
  id: number;
  channel: Channel;
  address: string | null;
  recipientName: string;
  subject: string;
  body: string;
  ackUrl: string | null;
  params: MessageParams | Record<string, never>;
}

/**
 * What happened to one attempt. `permanent`: retrying cannot help (a refused address, a bad template), so the
 * outbox stops at once instead of backing off.
 */
export type SendResult =
  { ok: true; providerId: string | null } | { ok: false; error: string; permanent: boolean };

/**
 * One way of reaching people. Every channel has an adapter; the outbox picks the one the configuration names and
 * records its `transport` on each message so an administrator sees which way a message went.
 */
export interface NotifyAdapter {
  readonly channel: Channel;
  /** smtp, sms-http, zalo-zns, in-app, local */
  readonly transport: string;
  send(message: OutgoingMessage): Promise<SendResult>;
  close?(): Promise<void>;
}

/** Vietnamese numbers as gateways want them: 84 followed by the national number, no plus, no leading 0. */
export function toMsisdn(phone: string): string {
  const digits = phone.replace(/[^\d]/g, '');
  if (digits.startsWith('84')) return digits;
  if (digits.startsWith('0')) return `84${digits.slice(1)}`;
  return digits;
}

/** An HTTP failure classified: 4xx other than 408/429 will fail again the same way. */
export function httpFailure(status: number, text: string): SendResult {
  return {
    ok: false,
    error: `HTTP ${status}: ${text.slice(0, 300)}`,
    permanent: status >= 400 && status < 500 && status !== 408 && status !== 429,
  };
}
