/** Third-party apps (issue 16): admin queries and mutations, and the proto → GraphQL mapping. */
import type { ClientApp__Output, ClientAppRegistration__Output } from '@hospital/grpc-contracts';
import { callGrpc, orNull, pageRequest, toConnection } from '@hospital/subgraph-kit';
import type { ClientApp, ClientAppRegistration, MutationResolvers, QueryResolvers } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * Proto app → GraphQL app (no secret is ever part of it).
 * @param app - from the identity service
 */
export function toClientApp(app: ClientApp__Output): ClientApp {
  return {
    id: app.id,
    name: app.name,
    contact: app.contact,
    allowedScopes: app.allowedScopes,
    allowedOrigins: app.allowedOrigins,
    redirectUris: app.redirectUris,
    tokenEndpointAuthMethod: app.tokenEndpointAuthMethod === 'private_key_jwt' ? 'PRIVATE_KEY_JWT' : app.tokenEndpointAuthMethod === 'none' ? 'NONE' : 'CLIENT_SECRET',
    createdAt: app.createdAt,
    revokedAt: orNull(app.revokedAt),
  };
}

function toRegistration(registration: ClientAppRegistration__Output): ClientAppRegistration {
  if (!registration.app) throw new Error('RegisterClientApp answered without an app');
  return { app: toClientApp(registration.app), clientSecret: orNull(registration.clientSecret) };
}

/**
 * The app query.
 * @param deps - the identity client
 */
export function createClientAppQueries({ client }: ResolverDeps): Pick<QueryResolvers, 'clientApps'> {
  return {
    async clientApps(_parent, { first, after }, ctx) {
      const page = await callGrpc(client.listClientApps({ page: pageRequest({ first, after }) }, { metadata: ctx.grpcMetadata() }));
      return toConnection(page.apps.map(toClientApp), page.cursors, page.pageInfo);
    },
  };
}

/**
 * The app mutations.
 * @param deps - the identity client
 */
export function createClientAppMutations({ client }: ResolverDeps): Pick<MutationResolvers, 'registerClientApp' | 'rotateClientSecret' | 'revokeClientApp'> {
  return {
    async registerClientApp(_parent, { input }, ctx) {
      const request = {
        name: input.name,
        contact: input.contact,
        allowedScopes: input.allowedScopes,
        allowedOrigins: input.allowedOrigins ?? [],
        jwksJson: input.jwks ?? '',
        redirectUris: input.redirectUris ?? [],
        publicClient: input.publicClient ?? false,
      };
      return toRegistration(await callGrpc(client.registerClientApp(request, { metadata: ctx.grpcMetadata() })));
    },
    rotateClientSecret: async (_parent, { id }, ctx) => toRegistration(await callGrpc(client.rotateClientSecret({ id }, { metadata: ctx.grpcMetadata() }))),
    revokeClientApp: async (_parent, { id }, ctx) => toClientApp(await callGrpc(client.revokeClientApp({ id }, { metadata: ctx.grpcMetadata() }))),
  };
}
