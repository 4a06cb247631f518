/** RegisterClientApp, ListClientApps, RotateClientSecret, RevokeClientApp, ListClientOrigins. */
import type {
  ClientApp,
  ClientAppIdRequest__Output,
  ClientAppRegistration,
  ListClientAppsRequest__Output,
  ListClientAppsResponse,
  ListClientOriginsResponse,
  RegisterClientAppRequest__Output,
} from '@hospital/grpc-contracts';
import { actingUserId, instantIdOrder, keysetOf, keysetPage, notFound, pageRequestSchema, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import type { ClientAppRepository } from './client-app-repository.ts';
import { clientAppIdSchema, registerClientAppSchema } from './client-app.schema.ts';
import { newClientSecret } from './client-credentials.ts';
import { toProtoClientApp } from './to-proto-client-app.ts';

/** What these handlers need. */
export interface ClientAppDeps {
  clientApps: ClientAppRepository;
}

/**
 * Registers an app: with a JWK set it authenticates by private_key_jwt, otherwise it is issued a
 * client secret, returned here once and stored only as a digest.
 * @param request - name, contact, scopes, origins, JWK set
 * @param deps - app storage
 * @param scope - the admin and the logger
 */
export async function registerClientAppHandler(request: RegisterClientAppRequest__Output, deps: ClientAppDeps, scope: CallScope): Promise<ClientAppRegistration> {
  const input = parseRequest(registerClientAppSchema, request);
  // Public clients get neither a secret nor keys: PKCE is what binds their codes.
  const secret = input.jwksJson || input.publicClient ? undefined : newClientSecret();
  const app = await deps.clientApps.create({
    name: input.name,
    contact: input.contact,
    allowedScopes: input.allowedScopes,
    allowedOrigins: input.allowedOrigins,
    secretHash: secret?.hash ?? null,
    jwks: input.jwksJson,
    redirectUris: input.redirectUris,
    publicClient: input.publicClient,
    createdBy: actingUserId(scope.caller),
  });
  scope.logger.info({ clientId: app.id, scopes: app.allowedScopes }, 'client app registered');
  return { app: toProtoClientApp(app), clientSecret: secret?.secret ?? '' };
}

/** Apps are listed newest first: cursors over (createdAt, id). */
const NEWEST_FIRST = instantIdOrder('createdAt');

/**
 * One page of apps, newest first.
 * @param request - page
 * @param deps - app storage
 */
export async function listClientAppsHandler(request: ListClientAppsRequest__Output, deps: ClientAppDeps): Promise<ListClientAppsResponse> {
  const { limit, readLimit, after } = keysetOf(parseRequest(pageRequestSchema, request.page), NEWEST_FIRST.positionFrom);
  const [read, totalCount] = await Promise.all([deps.clientApps.list({ after, limit: readLimit }), deps.clientApps.count()]);
  const { rows, cursors, pageInfo } = keysetPage(read, limit, NEWEST_FIRST.cursorOf, totalCount);
  return { apps: rows.map(toProtoClientApp), cursors, pageInfo };
}

/**
 * Replaces a live secret app's secret; the old one stops working at once.
 * @param request - app id
 * @param deps - app storage
 * @param scope - the logger
 */
export async function rotateClientSecretHandler(request: ClientAppIdRequest__Output, deps: ClientAppDeps, scope: CallScope): Promise<ClientAppRegistration> {
  const { id } = parseRequest(clientAppIdSchema, request);
  const secret = newClientSecret();
  const app = await deps.clientApps.rotateSecret(id, secret.hash);
  if (!app) throw notFound('No live app with a client secret has this id.');
  scope.logger.info({ clientId: id }, 'client secret rotated');
  return { app: toProtoClientApp(app), clientSecret: secret.secret };
}

/**
 * Revokes an app (idempotent); the router refuses its tokens from its next revocation poll.
 * @param request - app id
 * @param deps - app storage
 * @param scope - the logger
 */
export async function revokeClientAppHandler(request: ClientAppIdRequest__Output, deps: ClientAppDeps, scope: CallScope): Promise<ClientApp> {
  const { id } = parseRequest(clientAppIdSchema, request);
  const app = await deps.clientApps.revoke(id, new Date());
  if (!app) throw notFound('No app with this id.');
  scope.logger.info({ clientId: id }, 'client app revoked');
  return toProtoClientApp(app);
}

/**
 * Origins of live apps, for the router's CORS.
 * @param deps - app storage
 */
export async function listClientOriginsHandler(deps: ClientAppDeps): Promise<ListClientOriginsResponse> {
  return { origins: await deps.clientApps.listOrigins() };
}
