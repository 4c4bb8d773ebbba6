import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authProvidersSchema } from '@c2/api-client/schemas/auth';
import { sessionInfoSchema } from '@c2/api-client/schemas/user';
import { dropSchema, startTestServer, totpNow } from './support/test-server';

/*
 * Single sign-on against a real OpenID Connect provider (npm oidc-provider, its development login form), driven
 * like a browser: redirects followed by hand, one cookie jar per origin.
 */

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let idp: http.Server;
let issuer: string;

beforeAll(async () => {
  idp = http.createServer();
  await new Promise<void>((r) => idp.listen(0, '127.0.0.1', r));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  server = await startTestServer({
    oidcIssuer: issuer,
    oidcClientId: 'c2-console',
    oidcClientSecret: 'a-long-client-secret-for-tests-only',
    oidcLabel: 'VNeID (thử nghiệm)',
  });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'c2-console',
        client_secret: 'a-long-client-secret-for-tests-only',
        redirect_uris: [`${server.url}/api/auth/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['preferred_username', 'name'] },
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, preferred_username: id, name: id }),
    }),
    pkce: { required: () => true },
    cookies: { keys: ['oidc-test-cookie-key'] },
    features: { devInteractions: { enabled: true } },
  });
  idp.on('request', provider.callback());
});
afterAll(async () => {
  await server?.stop();
  await dropSchema(server.schema);
  await new Promise((r) => idp?.close(r));
});

/** A browser in miniature: a cookie jar per origin, redirects followed by hand, form posts. */
function browser() {
  const jars = new Map<string, Map<string, string>>();
  async function go(
    url: string,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<Response> {
    const u = new URL(url);
    const jar = jars.get(u.origin) ?? new Map<string, string>();
    jars.set(u.origin, jar);
    const res = await fetch(u, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }
  /** Follows redirects until a page that is not one; returns it and the URL it came from. */
  async function follow(res: Response, from: string): Promise<{ res: Response; url: string }> {
    let url = from;
    while (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location')!, url).href;
      res = await go(url);
    }
    return { res, url };
  }
  return { go, follow, jars };
}

/** Signs in at the provider's development form (login, then consent) and returns where the console sent us. */
async function signInAtProvider(b: ReturnType<typeof browser>, login: string): Promise<string> {
  const startUrl = `${server.url}/api/auth/oidc/start?next=${encodeURIComponent('/map')}`;
  let { res, url } = await b.follow(await b.go(startUrl), startUrl);
  for (let step = 0; step < 3 && url.startsWith(issuer); step++) {
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
    const prompt = /name="prompt" value="(\w+)"/.exec(html)![1]!;
    const form: Record<string, string> = prompt === 'login' ? { prompt, login, password: 'any' } : { prompt };
    const posted = await b.go(new URL(action, url).href, { method: 'POST', form });
    ({ res, url } = await b.follow(posted, new URL(action, url).href));
    if (!url.startsWith(issuer)) break;
  }
  return url;
}

describe('single sign-on (OpenID Connect)', () => {
  it('when SSO is configured, then the login page is told so', async () => {
    const providers = authProvidersSchema.parse(
      await (await fetch(`${server.url}/api/auth/providers`)).json(),
    );
    expect(providers.oidc).toEqual({ label: 'VNeID (thử nghiệm)' });
  });

  it('when a provisioned operator signs in at the provider, then the console opens a session and lands on the page asked for', async () => {
    const b = browser();
    const landed = await signInAtProvider(b, 'operator');
    expect(new URL(landed).pathname).toBe('/map');
    const cookie = [...b.jars.get(new URL(server.url).origin)!].map(([k, v]) => `${k}=${v}`).join('; ');
    const me = sessionInfoSchema.parse(
      await (await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).json(),
    );
    expect(me.user.username).toBe('operator');
    const linked = await server.db.query<{ oidc_subject: string }>(
      "SELECT oidc_subject FROM users WHERE username = 'operator'",
    );
    expect(linked[0]!.oidc_subject).toBe(`${issuer}|operator`);
  });

  it('when an admin signs in at a provider that proves no second factor, then the console still asks for the TOTP code', async () => {
    const b = browser();
    const landed = new URL(await signInAtProvider(b, 'admin'));
    expect(landed.pathname).toBe('/login');
    expect(landed.searchParams.get('mfa')).toBe('totp');
    expect(landed.searchParams.get('next')).toBe('/map');
    const jar = b.jars.get(new URL(server.url).origin)!;
    expect(jar.has('c2_sid')).toBe(false);
    const res = await fetch(`${server.url}/api/auth/login/mfa`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `c2_mfa=${jar.get('c2_mfa')}` },
      body: JSON.stringify({ code: totpNow() }),
    });
    expect(sessionInfoSchema.parse(await res.json()).user.username).toBe('admin');
  });

  it('when someone the center never provisioned signs in at the provider, then no session, and the login page says why', async () => {
    const b = browser();
    const landed = new URL(await signInAtProvider(b, 'stranger'));
    expect(landed.pathname).toBe('/login');
    expect(landed.searchParams.get('sso')).toBe('unknown');
    expect(b.jars.get(new URL(server.url).origin)?.has('c2_sid') ?? false).toBe(false);
  });

  it('when the callback is replayed or forged (no pending state), then it is refused', async () => {
    const res = await fetch(`${server.url}/api/auth/oidc/callback?code=forged&state=forged`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?sso=failed');
    const b = browser();
    b.jars.set(
      new URL(server.url).origin,
      new Map([
        [
          'c2_oidc',
          Buffer.from(
            JSON.stringify({
              state: 's',
              nonce: 'n',
              verifier: 'v',
              redirectUri: `${server.url}/api/auth/oidc/callback`,
              next: '/',
            }),
          ).toString('base64url'),
        ],
      ]),
    );
    const forged = await b.go(
      `${server.url}/api/auth/oidc/callback?code=abc&state=s&iss=${encodeURIComponent(issuer)}`,
    );
    expect(forged.headers.get('location')).toBe('/login?sso=failed');
  });
});
