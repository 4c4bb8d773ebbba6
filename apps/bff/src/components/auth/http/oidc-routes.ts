import { Router, type CookieOptions, type Request, type Response } from 'express';
import { parse as parseCookies } from 'cookie';
import { z } from 'zod';
import { handle } from '../../../platform/http';
import type { Db } from '../../../platform/db';
import type { Logger } from '../../../platform/logger';
import type { AuditTrail } from '../../audit/domain/audit-trail';
import type { AuthService } from '../domain/auth-service';
import type { Oidc, OidcPending } from '../domain/oidc';
import { findUserByOidcSubject, findUserByUsername, linkOidcSubject } from '../data/user-store';
import { publicRoute } from './auth-guards';
import { clientOf, sessionCookies } from './auth-routes';

const PENDING_COOKIE = 'c2_oidc';
const pendingSchema = z.object({
  state: z.string().max(200),
  nonce: z.string().max(200),
  verifier: z.string().max(200),
  redirectUri: z.string().url(),
  next: z.string().max(500),
});

/** Only a local path is followed after login, never an absolute or protocol-relative URL. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\')
    ? next
    : '/';
}

/**
 * Single sign-on: `/start` sends the browser to the provider, `/callback` comes back with a code. The provider
 * proves who the person is; this center decides what they may do: only accounts provisioned here sign in, and
 * MFA roles still give a TOTP code unless the provider proved a second factor.
 */
export function createOidcRoutes(deps: {
  oidc: Oidc;
  auth: AuthService;
  audit: AuditTrail;
  db: Db;
  logger: Logger;
  secureCookies: boolean;
  /** Fixed callback URL, or derived from the public origin / request. */
  redirectUrl: string | undefined;
  publicOrigin: string | undefined;
}): Router {
  const router = Router();
  const cookies = sessionCookies(deps.secureCookies);
  const pendingCookie: CookieOptions = {
    httpOnly: true,
    sameSite: 'lax', // it must ride along on the provider's top-level redirect back to us
    secure: deps.secureCookies,
    path: '/api/auth/oidc',
  };

  const redirectUriOf = (req: Request) =>
    deps.redirectUrl ??
    `${deps.publicOrigin ?? `${req.protocol}://${req.get('host')}`}/api/auth/oidc/callback`;

  const back = (res: Response, query: string) => res.redirect(303, `/login?${query}`);

  router.get(
    '/start',
    publicRoute('single sign-on starts anonymous'),
    handle(async (req, res) => {
      const next = safeNext(req.query.next);
      try {
        const { url, pending } = await deps.oidc.start(redirectUriOf(req), next);
        res.cookie(PENDING_COOKIE, Buffer.from(JSON.stringify(pending)).toString('base64url'), {
          ...pendingCookie,
          maxAge: 10 * 60_000,
        });
        res.redirect(303, url.href);
      } catch (err) {
        deps.logger.warn({ err: String(err) }, 'OIDC start failed');
        back(res, 'sso=unavailable');
      }
    }),
  );

  router.get(
    '/callback',
    publicRoute('the identity provider returns the browser here'),
    handle(async (req, res) => {
      const raw = req.headers.cookie ? parseCookies(req.headers.cookie)[PENDING_COOKIE] : undefined;
      res.clearCookie(PENDING_COOKIE, pendingCookie);
      let pending: OidcPending;
      try {
        pending = pendingSchema.parse(JSON.parse(Buffer.from(raw ?? '', 'base64url').toString('utf8')));
      } catch {
        return back(res, 'sso=failed');
      }
      const client = clientOf(req);
      const callback = new URL(pending.redirectUri);
      callback.search = new URL(req.originalUrl, 'http://callback').search;
      let identity;
      try {
        identity = await deps.oidc.finish(callback, pending);
      } catch (err) {
        deps.logger.warn({ err: String(err) }, 'OIDC callback refused');
        await deps.audit.record({
          actorId: null,
          actorName: null,
          action: 'auth.login_failed',
          target: null,
          ip: client.ip,
          detail: { method: 'oidc', reason: 'callback_refused' },
        });
        return back(res, 'sso=failed');
      }
      let row = await findUserByOidcSubject(deps.db, identity.subject);
      if (!row && identity.username) {
        const byName = await findUserByUsername(deps.db, identity.username);
        // The first SSO login links the provider's subject to the account of the same username, once.
        if (byName && !byName.oidc_subject) {
          await linkOidcSubject(deps.db, byName.id, identity.subject);
          row = { ...byName, oidc_subject: identity.subject };
        }
      }
      if (!row) {
        await deps.audit.record({
          actorId: null,
          actorName: identity.username?.slice(0, 64) ?? null,
          action: 'auth.login_failed',
          target: null,
          ip: client.ip,
          detail: { method: 'oidc', reason: 'not_provisioned' },
        });
        return back(res, 'sso=unknown');
      }
      try {
        const outcome = await deps.auth.loginExternal(row, client, identity.mfa);
        if (outcome.kind === 'session') {
          cookies.setSession(res, outcome.token, outcome.principal);
          await deps.audit.record({
            actorId: row.id,
            actorName: row.username,
            action: 'auth.login',
            target: null,
            ip: client.ip,
            detail: { method: 'oidc', factor: outcome.via, sessionId: outcome.principal.sessionId },
          });
          return res.redirect(303, pending.next);
        }
        cookies.setChallenge(res, outcome.token, outcome.expiresAt);
        await deps.audit.record({
          actorId: row.id,
          actorName: row.username,
          action: 'auth.mfa_challenge',
          target: null,
          ip: client.ip,
          detail: { step: outcome.step, method: 'oidc' },
        });
        return back(res, `mfa=${outcome.step}&next=${encodeURIComponent(pending.next)}`);
      } catch (err) {
        await deps.audit.record({
          actorId: row.id,
          actorName: row.username,
          action: 'auth.login_failed',
          target: null,
          ip: client.ip,
          detail: { method: 'oidc', reason: err instanceof Error ? err.message.slice(0, 100) : 'error' },
        });
        return back(res, 'sso=failed');
      }
    }),
  );
  return router;
}
