/**
 * Who the explorer acts as: a staff user (the `login` mutation), a registered app (client
 * credentials at the token endpoint) or a pasted access token. The token lives in this page's
 * memory only (never localStorage): closing the tab signs out.
 */
import { GRAPHQL_PATH, TOKEN_PATH } from './paths.ts';

/** The signed-in identity and its access token. */
export interface Session {
  kind: 'user' | 'app' | 'token';
  /** What the bar shows: the user's name and role, or the app's client id and scopes. */
  label: string;
  accessToken: string;
}

const LOGIN = /* GraphQL */ `
  mutation ExplorerLogin($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      accessToken
      user {
        displayName
        role
      }
    }
  }
`;

interface LoginResult {
  data?: { login?: { accessToken: string; user: { displayName: string; role: string } } };
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/**
 * Signs in as a user through the router's `login` mutation.
 * @param email - sign-in email
 * @param password - the user's password
 */
export async function signInAsUser(email: string, password: string): Promise<Session> {
  const response = await fetch(GRAPHQL_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOGIN, variables: { email, password }, operationName: 'ExplorerLogin' }),
  });
  const body = (await response.json()) as LoginResult;
  const login = body.data?.login;
  if (!login) throw new Error(body.errors?.[0]?.message ?? `Sign-in failed (HTTP ${response.status}).`);
  return { kind: 'user', label: `${login.user.displayName} (${login.user.role})`, accessToken: login.accessToken };
}

interface TokenAnswer {
  access_token?: string;
  scope?: string;
  error?: string;
  error_description?: string;
}

/**
 * Signs in as a registered app: client credentials with `client_secret_post` (RFC 6749 §4.4).
 * @param clientId - the app's client id
 * @param clientSecret - its secret
 * @param scope - scopes to ask for (empty: every registered scope)
 */
export async function signInAsApp(clientId: string, clientSecret: string, scope: string): Promise<Session> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
  if (scope.trim()) form.set('scope', scope.trim());
  const response = await fetch(TOKEN_PATH, { method: 'POST', body: form });
  const body = (await response.json()) as TokenAnswer;
  if (!body.access_token) throw new Error(body.error_description ?? body.error ?? `Token request failed (HTTP ${response.status}).`);
  return { kind: 'app', label: `app ${clientId} (${body.scope ?? ''})`, accessToken: body.access_token };
}

/**
 * A pasted access token, used as it is (the router judges it on every request).
 * @param token - the token, with or without "Bearer "
 */
export function sessionFromToken(token: string): Session {
  const accessToken = token.trim().replace(/^bearer\s+/i, '');
  if (!accessToken) throw new Error('Paste an access token.');
  return { kind: 'token', label: 'pasted token', accessToken };
}
