import nodemailer from 'nodemailer';
import type { NotifyAdapter, SendResult } from '../notify-port';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** E-mail over SMTP (nodemailer): plain text plus a small HTML part whose button is the acknowledge link. */
export function createSmtpEmailAdapter(options: { url: string; from: string }): NotifyAdapter {
  const transport = nodemailer.createTransport(options.url);
  return {
    channel: 'email',
    transport: 'smtp',
    async send(m): Promise<SendResult> {
      if (!m.address) return { ok: false, error: 'recipient has no e-mail address', permanent: true };
      const text = m.ackUrl ? `${m.body}\n\nXác nhận cảnh báo: ${m.ackUrl}` : m.body;
      const html =
        `<p>${escapeHtml(m.body).replace(/\n/g, '<br>')}</p>` +
        (m.ackUrl
          ? `<p><a href="${escapeHtml(m.ackUrl)}" style="display:inline-block;padding:10px 16px;background:#15345a;color:#fff;text-decoration:none;border-radius:6px">Xác nhận cảnh báo</a></p>`
          : '');
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: { name: m.recipientName, address: m.address },
          subject: m.subject,
          text,
          html,
          headers: { 'X-C2-Message-Id': String(m.id) },
        });
        return { ok: true, providerId: info.messageId ?? null };
      } catch (err) {
        const e = err as { responseCode?: number; message?: string };
        // 5xx replies are refusals of this message (bad address); anything else (connection, 4xx) may pass later.
        const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500;
        return { ok: false, error: e.message ?? String(err), permanent };
      }
    },
    async close() {
      transport.close();
    },
  };
}
