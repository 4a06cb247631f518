/** Sorting the outcomes of racing calls, for the ward service's concurrency tests. */
import type { ServiceError } from '@grpc/grpc-js';

/**
 * Splits settled calls into the values of those that succeeded and the errors of those that failed.
 * @param results - from Promise.allSettled
 */
export function partition<T>(results: PromiseSettledResult<T>[]): { won: T[]; lost: ServiceError[] } {
  return {
    won: results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
    lost: results.flatMap((r) => (r.status === 'rejected' ? [r.reason as ServiceError] : [])),
  };
}
