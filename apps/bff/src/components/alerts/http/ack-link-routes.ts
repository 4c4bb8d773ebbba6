import { createHash } from 'node:crypto';
import express, { Router, type Response } from 'express';
import { machineRoute } from '../../auth/http/auth-guards';
import { z } from 'zod';
import type { Alert } from '@c2/api-client/schemas/alert';
import { handle, parseInput } from '../../../platform/http';
import type { AlertService } from '../domain/alert-service';
import { EVENT_TYPE_VI } from '../domain/messages';

const tokenParam = z.object({ token: z.string().min(10).max(512) });

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// The page is served by the BFF, not the SPA: its one stylesheet is inline, allowed by its hash and nothing else.
const STYLE = `body{margin:0;background:#0a111d;color:#e8eef8;font:16px/1.5 system-ui,sans-serif;display:grid;place-items:center;min-height:100vh}
main{max-width:28rem;padding:24px;background:#101a2b;border:1px solid #2a3b58;border-radius:10px}
h1{font-size:20px;margin:0 0 12px}p{margin:0 0 12px;color:#a3b3cc}strong{color:#e8eef8}
button{font:inherit;font-weight:600;padding:12px 20px;border-radius:6px;border:0;background:#4ea4ff;color:#07101c;cursor:pointer;width:100%}`;
const PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** Sends one of the link's pages with its own CSP and never cached. */
function sendPage(res: Response, status: number, html: string): void {
  res.status(status).setHeader('cache-control', 'no-store').setHeader('content-security-policy', PAGE_CSP);
  res.type('html').send(html);
}

const summary = (a: Alert) =>
  `<p><strong>${escape(a.priority)} · ${escape(EVENT_TYPE_VI[a.type])}</strong><br>${escape(a.cameraName ?? a.cameraId ?? '')}</p>`;

/**
 * The acknowledge link of e-mail, SMS and Zalo messages. GET only shows the alert and one button: mail scanners
 * and link previews fetch links on their own, and must not acknowledge an alert nobody has seen. The POST is the
 * click; the signed token is its authority, so no session is needed.
 */
export function createAckLinkRoutes(alerts: AlertService): Router {
  const router = Router();
  // The signed token in the path is the link's authority; no session, no CSRF token (it is opened from a message).
  router.use(machineRoute('signed acknowledge link'));
  router.get(
    '/:token',
    handle(async (req, res) => {
      const { token } = parseInput(tokenParam, req.params, 'link');
      const found = await alerts.peekLink(token);
      if (!found) {
        sendPage(res, 404, page('Liên kết không hợp lệ', '<h1>Liên kết không hợp lệ hoặc đã hết hạn</h1>'));
        return;
      }
      sendPage(
        res,
        200,
        page(
          'Xác nhận cảnh báo',
          `<h1>Xác nhận cảnh báo</h1>${summary(found.alert)}<p>Người nhận: ${escape(found.person.displayName)}</p>
<form method="post"><button type="submit" data-testid="ack-link-confirm">Xác nhận</button></form>`,
        ),
      );
    }),
  );
  router.post(
    '/:token',
    express.urlencoded({ extended: false, limit: '1kb' }),
    handle(async (req, res) => {
      const { token } = parseInput(tokenParam, req.params, 'link');
      const done = await alerts.acknowledgeByLink(token, req.ip ?? null);
      if (!done) {
        sendPage(res, 404, page('Liên kết không hợp lệ', '<h1>Liên kết không hợp lệ hoặc đã hết hạn</h1>'));
        return;
      }
      const text =
        done.outcome === 'acknowledged'
          ? 'Đã xác nhận. Cảm ơn.'
          : done.outcome === 'already'
            ? `Cảnh báo đã được ${escape(done.alert.acknowledgedBy ?? '')} xác nhận trước đó.`
            : 'Cảnh báo đã được đóng.';
      sendPage(
        res,
        done.outcome === 'acknowledged' ? 200 : 409,
        page('Xác nhận cảnh báo', `<h1 data-outcome="${done.outcome}">${text}</h1>${summary(done.alert)}`),
      );
    }),
  );
  return router;
}
