/** Stored app → proto ClientApp. */
import type { ClientApp } from '@hospital/grpc-contracts';
import type { ClientAppRecord } from './client-app-repository.ts';

/**
 * Maps a stored app to the proto message (no secret, ever).
 * @param app - the stored app
 */
export function toProtoClientApp(app: ClientAppRecord): ClientApp {
  return {
    id: app.id,
    name: app.name,
    contact: app.contact,
    allowedScopes: app.allowedScopes,
    allowedOrigins: app.allowedOrigins,
    tokenEndpointAuthMethod: app.publicClient ? 'none' : app.jwks ? 'private_key_jwt' : 'client_secret_basic',
    createdAt: app.createdAt.toISOString(),
    revokedAt: app.revokedAt?.toISOString() ?? '',
    jwksJson: app.jwks ? JSON.stringify(app.jwks) : '',
    redirectUris: app.redirectUris,
    publicClient: app.publicClient,
  };
}
