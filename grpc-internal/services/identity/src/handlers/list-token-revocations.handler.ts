/** ListTokenRevocations: which users' earlier access tokens, and which sessions, the router must refuse. */
import type { ListTokenRevocationsRequest__Output, ListTokenRevocationsResponse } from '@hospital/grpc-contracts';
import { parseRequest } from '@hospital/service-kit';
import type { IdentityDeps } from '../identity-deps.ts';
import { appTokensValidAfter } from '../client-apps/client-credentials.ts';
import { listTokenRevocationsSchema } from './list-token-revocations.schema.ts';

/**
 * Upper bound on rows of each kind per answer. User rows are at most one per user and session rows
 * one per session ended within a token lifetime, so a hospital fits; the bound only keeps a runaway
 * table from producing an unbounded message.
 */
const MAX_ROWS = 100_000;

/**
 * Lists revocations at or after `since`, never older than the access-token lifetime: an older
 * revocation concerns only tokens that have expired anyway.
 * @param request - the window's start (empty: everything still relevant)
 * @param deps - user storage and the access-token lifetime
 */
export async function listTokenRevocationsHandler(
  request: ListTokenRevocationsRequest__Output,
  deps: Pick<IdentityDeps, 'users' | 'sessions' | 'accessTokens' | 'clientApps'>,
): Promise<ListTokenRevocationsResponse> {
  const { since } = parseRequest(listTokenRevocationsSchema, request);
  // Taken before the query: a revocation committed while it runs is at or after this time, and the
  // caller's next window (derived from serverTime) still covers it.
  const serverTime = new Date();
  const oldestRelevant = new Date(serverTime.getTime() - deps.accessTokens.ttlSeconds * 1000);
  const from = since && since > oldestRelevant ? since : oldestRelevant;
  const [rows, sessions, apps] = await Promise.all([
    deps.users.listTokenRevocations(from, MAX_ROWS),
    deps.sessions.listRevokedSessions(from, MAX_ROWS),
    deps.clientApps.listTokenCutoffs(from, MAX_ROWS),
  ]);
  return {
    revocations: [
      ...rows.map((r) => ({ userId: r.userId, validAfter: r.validAfter.toISOString(), sessionId: '' })),
      ...sessions.map((s) => ({ userId: s.userId, validAfter: s.revokedAt.toISOString(), sessionId: s.sessionId })),
      // An app (its tokens carry its id as `sub`) revoked (every token, for good) or whose secret was
      // rotated (the tokens issued before): its cutoff goes on the same list as a user's.
      ...apps.flatMap((a) => {
        const validAfter = appTokensValidAfter(a);
        return validAfter ? [{ userId: a.id, validAfter: validAfter.toISOString(), sessionId: '' }] : [];
      }),
    ],
    serverTime: serverTime.toISOString(),
    accessTokenTtlSeconds: deps.accessTokens.ttlSeconds,
  };
}
