/**
 * RED metrics of a subgraph, per operation: requests, errors by code, latency. The gateway names
 * its subgraph operations after the client's (free text), so the `operation` label is the
 * operation's first root field instead (`query.patient`, `query._entities`,
 * `mutation.bookAppointment`): it exists only once the document validated against this schema,
 * which bounds the label set by the schema. A request that never validated is "invalid".
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';
import { counter, errorCodeLabel, histogram } from '@hospital/service-kit';

const requests = () => counter('graphql_subgraph_requests_total', 'Operations a subgraph answered, by operation (first root field).', ['subgraph', 'operation']);
const errors = () => counter('graphql_subgraph_errors_total', 'GraphQL errors a subgraph answered, by operation and extensions.code.', ['subgraph', 'operation', 'code']);
const latency = () => histogram('graphql_subgraph_request_seconds', 'Subgraph operation latency, by operation (first root field).', ['subgraph', 'operation']);

/**
 * The bounded `operation` label of a validated operation.
 * @param operation - the resolved operation (undefined before validation)
 */
export function subgraphOperationLabel(operation: OperationDefinitionNode | undefined): string {
  if (!operation) return 'invalid';
  const first = operation.selectionSet.selections.find((s) => s.kind === 'Field');
  return first?.kind === 'Field' ? `${operation.operation}.${first.name.value}` : operation.operation;
}

/**
 * The Apollo plugin recording each operation.
 * @param subgraph - the subgraph's name (the `subgraph` label)
 */
export function subgraphMetricsPlugin<C extends BaseContext>(subgraph: string): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const started = performance.now();
      let validated: OperationDefinitionNode | undefined;
      return {
        async didResolveOperation({ operation }) {
          validated = operation;
        },
        async willSendResponse({ response }) {
          const operation = subgraphOperationLabel(validated);
          requests().inc({ subgraph, operation });
          latency().observe({ subgraph, operation }, (performance.now() - started) / 1000);
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          for (const error of body?.errors ?? []) errors().inc({ subgraph, operation, code: errorCodeLabel(error.extensions?.['code']) });
        },
      };
    },
  };
}
