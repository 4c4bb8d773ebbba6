import * as client from 'openid-client';
import type { Logger } from '../../../platform/logger';

export interface OidcOptions {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  scopes: string;
  usernameClaim: string;
  mfaAmr: readonly string[];
}

/** What the console keeps between sending the browser to the provider and its return (in a short cookie). */
export interface OidcPending {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
  next: string;
}

export interface OidcIdentity {
  subject: string;
  username: string | null;
  /** The provider says the person passed a second factor (an `amr` value from OIDC_MFA_AMR). */
  mfa: boolean;
}

/**
 * OpenID Connect login (authorization code + PKCE + nonce) with openid-client. The provider's metadata is
 * discovered on first use and kept; a provider that is down at start does not stop the console.
 */
export function createOidc(options: OidcOptions, logger: Logger) {
  let config: Promise<client.Configuration> | null = null;

  function configuration(): Promise<client.Configuration> {
    config ??= (async () => {
      const issuer = new URL(options.issuer);
      // Plain http only for a provider on this machine (a test provider, a local gateway); never over a network.
      const local =
        issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
      return client.discovery(
        issuer,
        options.clientId,
        options.clientSecret,
        options.clientSecret ? client.ClientSecretBasic(options.clientSecret) : client.None(),
        local ? { execute: [client.allowInsecureRequests] } : undefined,
      );
    })().catch((err: unknown) => {
      config = null;
      logger.warn({ err: String(err), issuer: options.issuer }, 'OIDC discovery failed');
      throw err;
    });
    return config;
  }

  return {
    async start(redirectUri: string, next: string): Promise<{ url: URL; pending: OidcPending }> {
      const cfg = await configuration();
      const verifier = client.randomPKCECodeVerifier();
      const pending: OidcPending = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier,
        redirectUri,
        next,
      };
      const url = client.buildAuthorizationUrl(cfg, {
        redirect_uri: redirectUri,
        scope: options.scopes,
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      return { url, pending };
    },

    /** Exchanges the code from the callback URL; throws when state, nonce, PKCE or the ID token do not check. */
    async finish(callbackUrl: URL, pending: OidcPending): Promise<OidcIdentity> {
      const cfg = await configuration();
      const tokens = await client.authorizationCodeGrant(cfg, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      let username = claims[options.usernameClaim];
      // Providers that follow the spec to the letter put profile claims in UserInfo, not in the ID token.
      if (username === undefined && tokens.access_token) {
        const info = await client.fetchUserInfo(cfg, tokens.access_token, claims.sub);
        username = info[options.usernameClaim];
      }
      const amr = Array.isArray(claims.amr) ? (claims.amr as unknown[]).map(String) : [];
      return {
        subject: `${claims.iss}|${claims.sub}`,
        username: typeof username === 'string' ? username : null,
        mfa: amr.some((a) => options.mfaAmr.includes(a)),
      };
    },
  };
}
export type Oidc = ReturnType<typeof createOidc>;
