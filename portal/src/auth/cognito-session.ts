import type { CognitoConfig } from '../config.ts';
import { base64Url, createPkcePair } from './pkce.ts';

const PENDING_KEY = 'ancrage.oauth.pending';
const TOKEN_KEY = 'ancrage.oauth.idToken';

/** The page's own address without query or fragment: the redirect URI registered with the user pool. */
const redirectUri = (): string => `${location.origin}${location.pathname}`;

interface StoredToken {
  readonly idToken: string;
  readonly expiresAt: number;
}

/**
 * Sign-in through the user pool's hosted pages: the authorization-code flow with PKCE (no client
 * secret in a browser). The ID token — it carries the `custom:anchor` claim the API reads — is kept
 * in sessionStorage, gone when the tab closes.
 */
export class CognitoSession {
  constructor(private readonly config: CognitoConfig) {}

  token(): string | undefined {
    const stored = sessionStorage.getItem(TOKEN_KEY);
    if (!stored) return undefined;
    const parsed = JSON.parse(stored) as StoredToken;
    return parsed.expiresAt > Date.now() ? parsed.idToken : undefined;
  }

  async signIn(): Promise<void> {
    const { verifier, challenge } = await createPkcePair();
    const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
    sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state }));
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: this.config.clientId,
      redirect_uri: redirectUri(),
      scope: 'openid email',
      code_challenge_method: 'S256',
      code_challenge: challenge,
      state,
    });
    location.assign(`${this.config.domain}/oauth2/authorize?${query}`);
  }

  /** Back from the hosted page with `?code=…&state=…`: trade the code for tokens, then clean the address. */
  async completeSignIn(): Promise<void> {
    const params = new URLSearchParams(location.search);
    const code = params.get('code');
    const pending = sessionStorage.getItem(PENDING_KEY);
    if (!code || !pending) return;
    sessionStorage.removeItem(PENDING_KEY);
    history.replaceState(null, '', `${location.pathname}${location.hash}`);
    const { verifier, state } = JSON.parse(pending) as { verifier: string; state: string };
    if (params.get('state') !== state) throw new Error('the sign-in answer does not match the request');
    const response = await fetch(`${this.config.domain}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: this.config.clientId,
        code,
        redirect_uri: redirectUri(),
        code_verifier: verifier,
      }),
    });
    if (!response.ok) throw new Error(`the user pool refused the sign-in (HTTP ${response.status})`);
    const tokens = (await response.json()) as { id_token: string; expires_in: number };
    const stored: StoredToken = {
      idToken: tokens.id_token,
      expiresAt: Date.now() + tokens.expires_in * 1000,
    };
    sessionStorage.setItem(TOKEN_KEY, JSON.stringify(stored));
  }

  signOut(): void {
    sessionStorage.removeItem(TOKEN_KEY);
    const query = new URLSearchParams({ client_id: this.config.clientId, logout_uri: redirectUri() });
    location.assign(`${this.config.domain}/logout?${query}`);
  }
}
