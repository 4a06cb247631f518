/** Validation of the app registration requests. */
import { z } from 'zod';
import { NO_CONTROL_CHARACTERS, uuidSchema } from '@hospital/service-kit';
import { parseScope } from '@hospital/grpc-contracts/access';

/** A browser origin exactly as browsers send it: scheme://host[:port], nothing more. */
export function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

/** Key members that only a private key has: a registration carries public keys only. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

const jwksSchema = z
  .string()
  .max(20_000, 'The JWK set is too large.')
  .transform((text, ctx) => {
    if (text === '') return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'The JWK set is not JSON.' });
      return z.NEVER;
    }
    const keys = (parsed as { keys?: unknown } | null)?.keys;
    if (!Array.isArray(keys) || keys.length === 0 || keys.length > 10) {
      ctx.addIssue({ code: 'custom', message: 'A JWK set is {"keys": [...]} with 1 to 10 keys.' });
      return z.NEVER;
    }
    for (const key of keys as Array<Record<string, unknown>>) {
      if (typeof key !== 'object' || key === null || (key['kty'] !== 'RSA' && key['kty'] !== 'EC')) {
        ctx.addIssue({ code: 'custom', message: 'Each key must be an RSA or EC public key.' });
        return z.NEVER;
      }
      if (PRIVATE_MEMBERS.some((m) => m in key)) {
        ctx.addIssue({ code: 'custom', message: 'Register public keys only; this JWK holds a private key.' });
        return z.NEVER;
      }
    }
    return { keys: keys as object[] };
  });

/**
 * A redirect URI an app may register (RFC 6749 §3.1.2, OAuth 2.0 for native apps §7.3): absolute,
 * no fragment, no user info; https, or http only on the loopback host (a developer's machine).
 */
export function isRedirectUri(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.hash !== '' || value.includes('#') || url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

const text = (field: string, max: number) =>
  z.string().trim().min(1, `Enter ${field}.`).max(max, `${field} must be at most ${max} characters.`).regex(NO_CONTROL_CHARACTERS, `${field} must not contain control characters.`);

/** RegisterClientAppRequest. */
export const registerClientAppSchema = z
  .object({
    name: text('a name', 200),
    contact: text('a contact', 254),
    allowedScopes: z
      // system/ scopes for client credentials, user/ scopes for apps a clinician launches.
      .array(z.string().refine((s) => parseScope(s) !== undefined, { error: 'Scopes are SMART v2 system/ or user/ scopes over our resources, e.g. system/Patient.rs.' }))
      .min(1, 'Allow at least one scope.')
      .max(30, 'At most 30 scopes.')
      .transform((scopes) => [...new Set(scopes)]),
    allowedOrigins: z
      .array(z.string().refine(isOrigin, { error: 'An origin is scheme://host[:port] (http or https), without a path.' }))
      .max(20, 'At most 20 origins.')
      .transform((origins) => [...new Set(origins)]),
    jwksJson: jwksSchema,
    redirectUris: z
      .array(z.string().max(2000).refine(isRedirectUri, { error: 'A redirect URI is an absolute https URL (http only on localhost or 127.0.0.1), without a fragment.' }))
      .max(10, 'At most 10 redirect URIs.')
      .transform((uris) => [...new Set(uris)]),
    publicClient: z.boolean(),
  })
  .refine((app) => !(app.publicClient && app.jwksJson), { error: 'A public client has no keys; leave the JWK set empty.', path: ['jwksJson'] })
  .refine((app) => !app.publicClient || app.redirectUris.length > 0, { error: 'A public client needs at least one redirect URI.', path: ['redirectUris'] })
  .refine((app) => !app.publicClient || app.allowedScopes.every((s) => s.startsWith('user/')), {
    error: 'A public client acts only for a signed-in user: user/ scopes only.',
    path: ['allowedScopes'],
  });

/** ClientAppIdRequest. */
export const clientAppIdSchema = z.object({ id: uuidSchema });
