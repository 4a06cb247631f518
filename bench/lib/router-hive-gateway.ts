/**
 * The `router` scenario's second baseline: Hive Gateway (`@graphql-hive/gateway-runtime`, its
 * default stitching-based federation runtime) in Node's HTTP server, over the same supergraph and
 * subgraphs, with in-flight request de-duplication to the subgraphs turned off (the closed loop
 * sends identical documents, which de-duplication would answer from one upstream call and so not
 * measure the gateway's work). Like the stock Apollo baseline, its one addition forwards a signed
 * identity header so the subgraphs accept its calls; no other safeguard. Its own process:
 *   STOCK_SUPERGRAPH_PATH, STOCK_SUBGRAPH_URLS (JSON name → URL), INTERNAL_SECRET, STOCK_CALLER (JSON Caller)
 * It prints `Hive gateway ready at <url>`.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { IDENTITY_HEADER, signIdentity, type Caller } from '@hospital/service-kit';

const env = process.env;
const secret = env['INTERNAL_SECRET'] ?? '';
const caller = JSON.parse(env['STOCK_CALLER'] ?? '{"kind":"anonymous"}') as Caller;
const urls = JSON.parse(env['STOCK_SUBGRAPH_URLS'] ?? '{}') as Record<string, string>;

// One token at a time, renewed well inside its 120 s lifetime, as the stock baseline does.
let token = { value: signIdentity(caller, secret), at: Date.now() };
const identity = () => {
  if (Date.now() - token.at > 30_000) token = { value: signIdentity(caller, secret), at: Date.now() };
  return token.value;
};

const gateway = createGatewayRuntime({
  supergraph: readFileSync(env['STOCK_SUPERGRAPH_PATH'] ?? '', 'utf8'),
  transportEntries: {
    '*.http': { options: { deduplicateInflightRequests: false } },
    ...Object.fromEntries(Object.entries(urls).map(([name, location]) => [name, { location }])),
  },
  plugins: () => [
    {
      onFetch({ options, setOptions }) {
        const headers: unknown = options.headers;
        const current = headers instanceof Headers ? Object.fromEntries(headers) : (options.headers ?? {});
        setOptions({ ...options, headers: { ...current, [IDENTITY_HEADER]: identity() } });
      },
    },
  ],
  // Errors unmasked: a failing cell then says why in the bench's error samples.
  maskedErrors: false,
  logging: false,
  landingPage: false,
  graphiql: false,
});
// eslint-disable-next-line @typescript-eslint/no-misused-promises -- the gateway's handler answers the request itself
const server = createServer(gateway);
server.listen(0, '127.0.0.1', () => {
  console.log(`Hive gateway ready at http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
});
const stop = () => void Promise.resolve(gateway.dispose()).finally(() => server.close(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
