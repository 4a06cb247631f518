/** Apps acting for a clinician (authorization code + PKCE, refresh tokens), for the identity service's tests. */
import { createHash, randomBytes } from 'node:crypto';

/** The token endpoint the router names in its IssueClientToken calls. */
export const TOKEN_ENDPOINT = 'https://api.hospital.test/oauth/token';

/** A PKCE code verifier and its S256 challenge (RFC 7636 §4.1–4.2). */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/**
 * The registration of a confidential app that may read patients and appointments for a user,
 * redirecting to one URI.
 * @param name - the app's name
 * @param redirectUri - its one redirect URI
 * @param overrides - fields to change
 */
export function userAppRegistration(
  name: string,
  redirectUri: string,
  overrides: Partial<{ allowedScopes: string[]; redirectUris: string[]; publicClient: boolean; jwksJson: string }> = {},
) {
  return {
    name,
    contact: 'dev@ehr.test',
    allowedScopes: ['user/Patient.rs', 'user/Appointment.rs'],
    allowedOrigins: [],
    jwksJson: '',
    redirectUris: [redirectUri],
    publicClient: false,
    ...overrides,
  };
}
