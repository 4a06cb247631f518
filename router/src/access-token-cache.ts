/**
 * Verified access tokens, kept by the token's exact text: a browser sends the same token on every
 * request for its whole lifetime (minutes), and checking its ES256 signature again each time was
 * the router's largest single cost after the forwarded identity. Only a token that verified is
 * kept (never a refusal), by its full text, signature included, so a different or altered token
 * is always verified afresh. The key is the token the verifier reads ({@link bearerTokenOf}), not
 * the raw header: "Bearer t" padded with spaces is the same entry, and a value the verifier would
 * refuse never reaches the cache; the kept text is bounded in bytes as well as in count. What can change while a token lives is checked on every use:
 * expiry (with the same clock tolerance) and the revocation list (deactivated user, changed role,
 * ended session).
 */
import { bearerTokenOf, InvalidTokenError, isSessionRevoked, type VerifiedSession } from './jwt.ts';
import type { RevocationCheck } from './revocation/revocation-list.ts';

/** Tokens kept; least recently used first out. */
const MAX_ENTRIES = 10_000;
/** Characters of token text kept, at most (about 1 KB a token: the count binds first in practice). */
const MAX_TOKEN_CHARS = 16 * 1024 * 1024;

/**
 * Wraps a session verifier (built without a revocation check) with the cache; the revocation
 * check runs on every call, cached or not.
 * @param verify - the full verifier (signature, issuer, audience, expiry, claims)
 * @param options - the revocation check, the clock tolerance the verifier applies (seconds)
 */
export function cachedSessionVerifier(
  verify: (authorization: string | undefined) => VerifiedSession,
  options: { isRevoked?: RevocationCheck; clockToleranceSeconds?: number } = {},
): ((authorization: string | undefined) => VerifiedSession) & { readonly size: number } {
  const entries = new Map<string, VerifiedSession>();
  const toleranceMs = (options.clockToleranceSeconds ?? 5) * 1000;
  const check = (session: VerifiedSession): VerifiedSession => {
    // A user acting through an app ends with the app's revocation too (isSessionRevoked).
    if (options.isRevoked && isSessionRevoked(session, options.isRevoked))
      throw new InvalidTokenError('token revoked (user deactivated, role changed, session ended or app revoked)');
    return session;
  };
  let keptChars = 0;
  const forget = (token: string) => {
    if (entries.delete(token)) keptChars -= token.length;
  };
  const cached = (authorization: string | undefined): VerifiedSession => {
    if (authorization === undefined || authorization === '') return verify(authorization);
    // Refuses what the verifier would refuse, before any lookup.
    const token = bearerTokenOf(authorization);
    const kept = entries.get(token);
    if (kept) {
      if (kept.expiresAtMs !== undefined && Date.now() < kept.expiresAtMs + toleranceMs) {
        // Map order is insertion order: re-inserting marks it most recently used.
        entries.delete(token);
        entries.set(token, kept);
        return check(kept);
      }
      forget(token);
    }
    const session = verify(authorization);
    if ((session.caller.kind === 'user' || session.caller.kind === 'app') && session.expiresAtMs !== undefined && token.length <= MAX_TOKEN_CHARS) {
      entries.set(token, session);
      keptChars += token.length;
      while (entries.size > MAX_ENTRIES || keptChars > MAX_TOKEN_CHARS) forget(entries.keys().next().value as string);
    }
    return check(session);
  };
  return Object.defineProperty(cached, 'size', { get: () => entries.size }) as typeof cached & { readonly size: number };
}
