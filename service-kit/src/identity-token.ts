/**
 * The identity the router forwards inside the system. The router verifies the user's JWT, then
 * signs a short-lived internal token with a secret only the router, subgraphs and services share;
 * a client can never forge it, and a request that lacks it did not come through the router.
 */
import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { isRole, type RoleName } from '@hospital/grpc-contracts/roles';

/** HTTP header (router → subgraph) and gRPC metadata key (subgraph → service). */
export const IDENTITY_HEADER = 'x-hospital-identity';
/** HTTP header and metadata key carrying the request id. */
export const REQUEST_ID_HEADER = 'x-request-id';

// The role vocabulary lives once, beside the access rules in the contracts.
export { ROLES, isRole, type RoleName } from '@hospital/grpc-contracts/roles';

/**
 * Who is calling: a signed-in user, nobody (public operations such as login), or one of the
 * system's own services acting on its own behalf (a background worker such as notifications).
 */
export type Caller =
  /**
   * A signed-in user; with `app`, a registered app acting for them (authorization code + PKCE):
   * the request must pass both the user's role rules and the app's granted user/ scopes.
   */
  | { kind: 'user'; userId: string; role: RoleName; email: string; app?: ActingApp }
  | { kind: 'anonymous' }
  | { kind: 'service'; service: string }
  /** A registered third-party app (OAuth client credentials): its id, name and granted scopes. */
  | { kind: 'app'; clientId: string; name: string; scopes: string[] };

/** The app a user's request came through: its client id, name and the user/ scopes granted to it. */
export interface ActingApp {
  clientId: string;
  name: string;
  scopes: string[];
}

/**
 * The part of a cache key that tells a user acting through an app from the same user alone ('' for
 * anyone else): the app's scopes narrow what the user may do, so no decision, signed identity or
 * shared subscription may pass between the two.
 * @param caller - the verified caller
 */
export function actingAppKey(caller: Caller): string {
  return caller.kind === 'user' && caller.app ? `\0via\0${caller.app.clientId}\0${caller.app.scopes.join(' ')}` : '';
}

/**
 * Where a request came from, as the router saw it: carried inside the signed identity so the audit
 * trail of a service deep in the system can say from where (and in which operation) data was read.
 */
export interface RequestOrigin {
  /** Client IP address (behind a trusted proxy: the forwarded one). */
  ip?: string;
  /** The client's User-Agent, cut to a sane length. */
  userAgent?: string;
  /** The GraphQL operation name, when the client gave one. */
  operation?: string;
}

/** Longest origin value kept: a User-Agent is client-chosen text. */
const ORIGIN_VALUE_MAX = 256;

const AUDIENCE = 'hospital-internal';
const ISSUER = 'hospital-router';
const ALGORITHM = 'HS256';
/** Internal tokens live only as long as one request could plausibly take. */
export const IDENTITY_TOKEN_TTL_SECONDS = 120;
/** Secrets whose key is kept (a process knows one; tests make many). */
const MAX_KEYS = 16;

const keys = new Map<string, KeyObject>();

/**
 * The HMAC key of a secret, made once. Handed a string, jsonwebtoken first tries to read it as a
 * PEM key, which throws and builds a stack trace on every call (~0.4 ms instead of ~10 µs).
 * @param secret - the internal secret
 */
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    if (keys.size >= MAX_KEYS) keys.delete(keys.keys().next().value as string);
    keys.set(secret, key);
  }
  return key;
}

/**
 * Signs the caller for forwarding inside the system.
 * @param caller - the verified caller
 * @param secret - the internal secret (INTERNAL_SECRET)
 * @param origin - client address, User-Agent and operation, for the audit trail
 */
export function signIdentity(caller: Caller, secret: string, origin: RequestOrigin = {}): string {
  const claims: Record<string, unknown> =
    caller.kind === 'user'
      ? {
          sub: caller.userId,
          role: caller.role,
          email: caller.email,
          via_app: caller.app?.clientId,
          via_app_name: caller.app?.name,
          via_scope: caller.app?.scopes.join(' '),
        }
      : caller.kind === 'service'
        ? { svc: caller.service }
        : caller.kind === 'app'
          ? { app: caller.clientId, app_name: caller.name, scope: caller.scopes.join(' ') }
          : { anon: true };
  if (origin.ip) claims['ip'] = origin.ip.slice(0, ORIGIN_VALUE_MAX);
  if (origin.userAgent) claims['ua'] = origin.userAgent.slice(0, ORIGIN_VALUE_MAX);
  if (origin.operation) claims['op'] = origin.operation.slice(0, ORIGIN_VALUE_MAX);
  return jwt.sign(claims, keyOf(secret), { algorithm: ALGORITHM, audience: AUDIENCE, issuer: ISSUER, expiresIn: IDENTITY_TOKEN_TTL_SECONDS });
}

/**
 * Verifies a forwarded identity; returns undefined when it is missing, forged or expired.
 * @param token - the header or metadata value
 * @param secret - the internal secret (INTERNAL_SECRET)
 */
export function verifyIdentity(token: string | undefined, secret: string): Caller | undefined {
  return verifyForwardedIdentity(token, secret)?.caller;
}

/**
 * Like {@link verifyIdentity}, with the request's origin as the router signed it.
 * @param token - the header or metadata value
 * @param secret - the internal secret (INTERNAL_SECRET)
 */
export function verifyForwardedIdentity(token: string | undefined, secret: string): { caller: Caller; origin: RequestOrigin } | undefined {
  if (!token) return undefined;
  let claims: jwt.JwtPayload;
  try {
    // maxAge needs `iat`; with `exp` required, no token outlives the TTL whoever signed it.
    claims = jwt.verify(token, keyOf(secret), { algorithms: [ALGORITHM], audience: AUDIENCE, issuer: ISSUER, maxAge: IDENTITY_TOKEN_TTL_SECONDS }) as jwt.JwtPayload;
  } catch {
    return undefined;
  }
  if (typeof claims.exp !== 'number') return undefined;
  const caller = callerFrom(claims);
  if (!caller) return undefined;
  const origin: RequestOrigin = {};
  if (typeof claims['ip'] === 'string') origin.ip = claims['ip'];
  if (typeof claims['ua'] === 'string') origin.userAgent = claims['ua'];
  if (typeof claims['op'] === 'string') origin.operation = claims['op'];
  return { caller, origin };
}

function callerFrom(claims: jwt.JwtPayload): Caller | undefined {
  if (claims['anon'] === true) return { kind: 'anonymous' };
  if (typeof claims['svc'] === 'string' && /^[a-z][a-z0-9-]{0,40}$/.test(claims['svc'])) return { kind: 'service', service: claims['svc'] };
  if (typeof claims['app'] === 'string') {
    const { app_name: name, scope } = claims as { app_name?: unknown; scope?: unknown };
    if (typeof name !== 'string' || typeof scope !== 'string') return undefined;
    return { kind: 'app', clientId: claims['app'], name, scopes: scope.split(' ').filter((s) => s !== '') };
  }
  const role = claims['role'];
  if (typeof claims.sub !== 'string' || !isRole(role) || typeof claims['email'] !== 'string') return undefined;
  const user = { kind: 'user' as const, userId: claims.sub, role, email: claims['email'] };
  if (claims['via_app'] === undefined) return user;
  // An app acting for the user: all three claims or no caller at all (never the user's full rights).
  const { via_app: clientId, via_app_name: name, via_scope: scope } = claims as { via_app?: unknown; via_app_name?: unknown; via_scope?: unknown };
  if (typeof clientId !== 'string' || typeof name !== 'string' || typeof scope !== 'string') return undefined;
  return { ...user, app: { clientId, name, scopes: scope.split(' ').filter((s) => s !== '') } };
}
