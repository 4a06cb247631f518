/** The token endpoint as an app calls it in the OAuth tests: a form POST, the status and the JSON answer. */

/** What `POST /oauth/token` answers (a token, or an RFC 6749 §5.2 error). */
export type TokenAnswer = { access_token?: string; refresh_token?: string; scope?: string; error?: string };

/**
 * POSTs `fields` form-encoded to `${base}/oauth/token`.
 * @param base - the router's origin (its URL without `/graphql`)
 * @param fields - the form fields (grant_type, code, refresh_token, client_id …)
 */
export async function postTokenForm(base: string, fields: Record<string, string>): Promise<{ status: number; body: TokenAnswer }> {
  const response = await fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, body: (await response.json()) as TokenAnswer };
}
