/**
 * The `router` scenario's baseline: stock `@apollo/gateway` in Apollo Server's standalone HTTP
 * server, over the same supergraph and subgraphs, with Apollo's default data source (and its
 * make-fetch-happen fetcher). Its one addition forwards a signed identity header so subgraphs
 * accept its calls; there is no other safeguard (no token check, rate limit, safelist, access
 * decision or cost limit). Run as its own process by the scenario:
 *   STOCK_SUPERGRAPH_PATH, STOCK_SUBGRAPH_URLS (JSON name → URL), INTERNAL_SECRET, STOCK_CALLER (JSON Caller)
 * It prints `Stock gateway ready at <url>`.
 */
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { IDENTITY_HEADER, signIdentity, type Caller } from '@hospital/service-kit';

const env = process.env;
const secret = env['INTERNAL_SECRET'] ?? '';
const caller = JSON.parse(env['STOCK_CALLER'] ?? '{"kind":"anonymous"}') as Caller;
const urls = JSON.parse(env['STOCK_SUBGRAPH_URLS'] ?? '{}') as Record<string, string>;
process.env['APOLLO_TELEMETRY_DISABLED'] = 'true';

// One token at a time, renewed well inside its 120 s lifetime: the baseline pays no signing per request.
let token = { value: signIdentity(caller, secret), at: Date.now() };
const identity = () => {
  if (Date.now() - token.at > 30_000) token = { value: signIdentity(caller, secret), at: Date.now() };
  return token.value;
};

class IdentityOnlyDataSource extends RemoteGraphQLDataSource {
  override willSendRequest(options: GraphQLDataSourceProcessOptions): void {
    options.request.http?.headers.set(IDENTITY_HEADER, identity());
  }
}

const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(env['STOCK_SUPERGRAPH_PATH'] ?? '', 'utf8'),
  buildService: ({ name, url }) => new IdentityOnlyDataSource({ url: urls[name] ?? url }),
});
const server = new ApolloServer({ gateway });
const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
console.log(`Stock gateway ready at ${url}`);
const stop = () => void server.stop().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
