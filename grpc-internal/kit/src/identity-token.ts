/**
 * The identity the router forwards inside the system. The router verifies the user's JWT, then
 * signs a short-lived internal token with a secret only the router, subgraphs and services share;
 * a client can never forge it, and a request that lacks it did not come through the router.
 */
import jwt from 'jsonwebtoken';

/** HTTP header (router → subgraph) and gRPC metadata key (subgraph → service). */
export const IDENTITY_HEADER = 'x-hospital-identity';
/** HTTP header and metadata key carrying the request id. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** Roles in the form used inside tokens and services. */
export const ROLES = ['admin', 'doctor', 'pharmacist', 'finance', 'ward_staff'] as const;
/** A role. */
export type RoleName = (typeof ROLES)[number];

/**
 * Who is calling: a signed-in user, nobody (public operations such as login), or one of the
 * system's own services acting on its own behalf (a background worker such as notifications).
 */
export type Caller =
  | { kind: 'user'; userId: string; role: RoleName; email: string }
  | { kind: 'anonymous' }
  | { kind: 'service'; service: string };

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
const TTL_SECONDS = 120;

/**
 * Signs the caller for forwarding inside the system.
 * @param caller - the verified caller
 * @param secret - the internal secret (INTERNAL_SECRET)
 */
export function signIdentity(caller: Caller, secret: string, origin: RequestOrigin = {}): string {
  const claims: Record<string, unknown> =
    caller.kind === 'user'
      ? { sub: caller.userId, role: caller.role, email: caller.email }
      : caller.kind === 'service'
        ? { svc: caller.service }
        : { anon: true };
  if (origin.ip) claims['ip'] = origin.ip.slice(0, ORIGIN_VALUE_MAX);
  if (origin.userAgent) claims['ua'] = origin.userAgent.slice(0, ORIGIN_VALUE_MAX);
  if (origin.operation) claims['op'] = origin.operation.slice(0, ORIGIN_VALUE_MAX);
  return jwt.sign(claims, secret, { algorithm: ALGORITHM, audience: AUDIENCE, issuer: ISSUER, expiresIn: TTL_SECONDS });
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
    claims = jwt.verify(token, secret, { algorithms: [ALGORITHM], audience: AUDIENCE, issuer: ISSUER }) as jwt.JwtPayload;
  } catch {
    return undefined;
  }
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
  const role = claims['role'];
  if (typeof claims.sub !== 'string' || !isRole(role) || typeof claims['email'] !== 'string') return undefined;
  return { kind: 'user', userId: claims.sub, role, email: claims['email'] };
}

/**
 * True when the value is one of the five roles.
 * @param value - anything
 */
export function isRole(value: unknown): value is RoleName {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
