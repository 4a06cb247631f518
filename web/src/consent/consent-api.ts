/**
 * The consent screen's two calls, through the web server to the router's authorize endpoints,
 * with the signed-in clinician's access token (a bearer header, never a cookie).
 */

/** The path the router's /oauth/authorize sends the browser to. */
export const CONSENT_PATH = '/oauth/consent';

/** What the consent screen shows. */
export interface ConsentRequest {
  appName: string;
  appContact: string;
  scopes: string[];
}

/** The authorization request's parameters, as the router forwarded them. */
export type AuthorizationQuery = string;

async function answerOf<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as T & { error?: string; error_description?: string };
  if (!response.ok) throw new Error(body.error_description ?? `The hospital system answered ${response.status}.`);
  return body;
}

/**
 * Reads which app asks for what.
 * @param query - the page's query string (the authorization request)
 * @param token - the clinician's access token
 */
export async function loadConsentRequest(query: AuthorizationQuery, token: string): Promise<ConsentRequest> {
  return answerOf<ConsentRequest>(await fetch(`/oauth/authorize/request${query}`, { headers: { authorization: `Bearer ${token}` }, cache: 'no-store' }));
}

/**
 * Sends the clinician's answer; returns where the browser goes next (the app, with a code or access_denied).
 * @param query - the page's query string (the authorization request)
 * @param approve - approved or denied
 * @param token - the clinician's access token
 */
export async function decide(query: AuthorizationQuery, approve: boolean, token: string): Promise<string> {
  const params = Object.fromEntries(new URLSearchParams(query));
  const response = await fetch('/oauth/authorize/decision', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...params, approve }),
  });
  return (await answerOf<{ redirectTo: string }>(response)).redirectTo;
}
