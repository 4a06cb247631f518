/**
 * The OAuth vocabulary the identity service (which authenticates apps) and the router (which
 * serves the token endpoint and the discovery documents) must agree on.
 */

/** RFC 7523 §2.2: the only client_assertion_type accepted. */
export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** How apps authenticate at the token endpoint. */
export const TOKEN_ENDPOINT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'private_key_jwt'] as const;

/** Signature algorithms accepted on client assertions (SMART Backend Services asks for RS384 and ES384). */
export const ASSERTION_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'PS256', 'PS384'];

/** Grant types the token endpoint serves. */
export const GRANT_TYPES = ['client_credentials', 'authorization_code', 'refresh_token'] as const;

/** PKCE methods accepted (RFC 7636): S256 only; `plain` would let an intercepted code be redeemed. */
export const CODE_CHALLENGE_METHODS = ['S256'] as const;

/** An authorization code lives one minute and is spent on first use. */
export const AUTHORIZATION_CODE_TTL_SECONDS = 60;

/** App access tokens live five minutes at most (SMART Backend Services). */
export const CLIENT_TOKEN_TTL_SECONDS = 300;

/** A client assertion may not be valid for longer than this (SMART: exp at most 5 minutes ahead). */
export const MAX_ASSERTION_LIFETIME_SECONDS = 300;
