/**
 * The router's Prometheus metrics: RED per GraphQL operation (requests, errors by
 * `extensions.code`, latency), per subgraph fetch, open WebSockets and edge refusals. Every label
 * value comes from a fixed set: operation names only from the safelist manifest (any other name,
 * which a client chooses freely and could fill with an id or an e-mail, is "other"), codes only
 * from the error registry, subgraph names only from the supergraph. The page itself is served
 * on a port of its own (ROUTER_METRICS_PORT), never on the public one.
 */
import type { Server } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { counter, errorCodeLabel, gauge, gaugeOnScrape, histogram, OTHER_LABEL } from '@hospital/service-kit';
import type { AdmissionRefusal } from './admission/refusal.ts';
import type { Fetcher } from './fetcher.ts';
import { knownOperationNames } from './metrics-labels.ts';
import type { PersistedManifest } from './persisted-operations.ts';

const requests = () =>
  counter('graphql_router_requests_total', 'GraphQL operations the router answered, by operation name (safelisted names, else "other") and type.', ['operation', 'type']);
const errors = () => counter('graphql_router_errors_total', 'GraphQL errors the router answered, by operation name and extensions.code.', ['operation', 'code']);
const latency = () => histogram('graphql_router_request_seconds', 'Router latency of one GraphQL operation, by operation name.', ['operation']);
const fetches = () =>
  counter('graphql_router_subgraph_fetches_total', 'Router fetches to subgraphs, by subgraph and outcome (ok, http_error, network_error).', ['subgraph', 'outcome']);
const fetchLatency = () => histogram('graphql_router_subgraph_fetch_seconds', 'Latency of one router fetch to a subgraph (until headers).', ['subgraph']);
const refusals = () =>
  counter('graphql_router_refusals_total', 'Requests refused at the edge, by admission step and code (rate limit, cost, safelist, shed...).', ['step', 'code']);
const openSockets = () => gauge('graphql_router_open_websockets', 'WebSocket (upgrade) connections open on the router.');

/**
 * The Apollo plugin recording each operation; names outside the manifest are "other".
 * @param manifest - the safelist manifest (hash → document); its operation names are the label set
 */
export function routerMetricsPlugin<C extends BaseContext>(manifest: PersistedManifest): ApolloServerPlugin<C> {
  const known = knownOperationNames(manifest.values());
  const label = (name: string | null | undefined) => (name && known.has(name) ? name : OTHER_LABEL);
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, operation, response }) {
          const name = label(operationName ?? operation?.name?.value);
          requests().inc({ operation: name, type: operation?.operation ?? 'invalid' });
          latency().observe({ operation: name }, (performance.now() - started) / 1000);
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          for (const error of body?.errors ?? []) errors().inc({ operation: name, code: errorCodeLabel(error.extensions?.['code']) });
        },
      };
    },
  };
}

/**
 * The subgraph fetcher, timed and counted per subgraph (name from the gateway's URL map, read
 * at each call since the map is filled when the gateway loads).
 * @param fetch - the shared fetcher
 * @param subgraphs - subgraph name → URL, as the gateway calls them
 */
export function meteredFetch(fetch: Fetcher, subgraphs: () => ReadonlyMap<string, string>): Fetcher {
  let byUrl = new Map<string, string>();
  const nameOf = (url: string) => {
    if (!byUrl.has(url)) byUrl = new Map([...subgraphs()].map(([name, u]) => [u, name]));
    return byUrl.get(url) ?? OTHER_LABEL;
  };
  return async (input: Parameters<Fetcher>[0], init?: Parameters<Fetcher>[1]) => {
    const subgraph = nameOf(typeof input === 'string' ? input : String((input as { url?: string }).url ?? input));
    const end = fetchLatency().startTimer({ subgraph });
    try {
      const response = await fetch(input, init);
      fetches().inc({ subgraph, outcome: response.ok ? 'ok' : 'http_error' });
      return response;
    } catch (error) {
      fetches().inc({ subgraph, outcome: 'network_error' });
      throw error;
    } finally {
      end();
    }
  };
}

/**
 * Counts one edge refusal (step and code are both fixed vocabularies).
 * @param refusal - the pipeline's refusal
 */
export function countRefusal(refusal: Pick<AdmissionRefusal, 'step' | 'code'>): void {
  refusals().inc({ step: refusal.step, code: refusal.code });
}

/**
 * Tracks open WebSocket connections: every upgrade until its socket closes (a refused handshake
 * closes at once, so it counts only for that instant).
 * @param httpServer - the router's HTTP server
 */
export function countOpenWebSockets(httpServer: Server): void {
  openSockets().set(0);
  httpServer.on('upgrade', (_req, socket) => {
    openSockets().inc();
    socket.once('close', () => openSockets().dec());
  });
}

/**
 * Reports the WebSocket endpoint's active subscriptions when Prometheus scrapes.
 * @param activeSubscriptions - the endpoint's count
 * @returns detaches the gauge's reader (on close)
 */
export function countActiveSubscriptions(activeSubscriptions: () => number): () => void {
  return gaugeOnScrape('graphql_router_active_subscriptions', "Subscriptions running on the router's WebSocket connections.", async () => activeSubscriptions());
}
