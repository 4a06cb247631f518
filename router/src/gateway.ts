/**
 * The federation gateway: plans each operation over the supergraph and calls subgraphs with the
 * router-signed identity. No client header is ever forwarded, so a client cannot smuggle in its
 * own `x-hospital-identity`.
 */
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADER, REQUEST_ID_HEADER, signIdentity, type Caller, type Logger } from '@hospital/service-kit';
import type { RouterContext } from './context.ts';

/** Sends subgraph requests carrying the caller signed with the internal secret (also used per subscription event). */
export class SignedIdentityDataSource extends RemoteGraphQLDataSource<RouterContext> {
  private readonly internalSecret: string;

  /**
   * @param url - the subgraph's GraphQL endpoint
   * @param internalSecret - INTERNAL_SECRET shared with subgraphs
   */
  constructor(url: string, internalSecret: string) {
    super({ url });
    this.internalSecret = internalSecret;
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<RouterContext>): void {
    const headers = options.request.http?.headers;
    if (!headers) return;
    const context = options.context as Partial<RouterContext>;
    // Requests without a router context (none expected with a static supergraph) go out as the
    // least privileged caller rather than unsigned.
    const caller: Caller = context.caller ?? { kind: 'anonymous' };
    // Where the request came from and which operation it is travel signed, for the audit trail.
    const origin = { ...context.origin, operation: context.scope?.operationName };
    headers.set(IDENTITY_HEADER, signIdentity(caller, this.internalSecret, origin));
    if (context.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}

/** The gateway and the subgraph URLs it actually uses (filled in when it loads). */
export interface RouterGateway {
  gateway: ApolloGateway;
  /** Subgraph name → URL in use, known once the gateway has loaded. */
  subgraphs: Map<string, string>;
}

/**
 * Creates the gateway over a static supergraph.
 * @param options - supergraph SDL, URL overrides by subgraph name, internal secret, logger
 */
export function createGateway(options: {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  internalSecret: string;
  logger: Logger;
}): RouterGateway {
  const subgraphs = new Map<string, string>();
  // @apollo/gateway otherwise sends usage metrics to Apollo and probes cloud metadata endpoints
  // (169.254.169.254) at construction; it reads this switch only from the environment. A hospital
  // system never phones home, so the switch is forced here rather than left to each deployment.
  process.env['APOLLO_TELEMETRY_DISABLED'] = 'true';
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger: options.logger,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`No URL for subgraph "${name}"`);
      subgraphs.set(name, target);
      return new SignedIdentityDataSource(target, options.internalSecret);
    },
  });
  return { gateway, subgraphs };
}

/**
 * Fails when an override names a subgraph the supergraph does not have (a typo would otherwise
 * leave the real subgraph at its default URL without anyone noticing).
 * @param overrides - configured URL overrides
 * @param loaded - subgraphs the gateway built
 */
export function assertOverridesMatch(overrides: Record<string, string>, loaded: Map<string, string>): void {
  const unknown = Object.keys(overrides).filter((name) => !loaded.has(name));
  if (unknown.length > 0) throw new Error(`URL overrides for subgraphs not in the supergraph: ${unknown.join(', ')}`);
}
