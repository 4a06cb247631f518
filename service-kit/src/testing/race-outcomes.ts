/**
 * Sorting the outcomes of calls raced against each other, for every service's concurrency tests
 * (`@hospital/service-kit/testing`): which calls won, and how the others lost.
 */
import { status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';

/** What a race came to, each list in the order the calls were made. */
export interface RaceOutcomes<T> {
  /** The values of the calls that succeeded. */
  won: T[];
  /** The errors of the calls that failed. */
  lost: ServiceError[];
  /** The gRPC status names of the calls that failed (`UNKNOWN` for an error without a gRPC code). */
  lostStatuses: string[];
}

/**
 * Sorts settled calls into winners and losers.
 * @param results - from Promise.allSettled
 */
export function raceOutcomes<T>(results: readonly PromiseSettledResult<T>[]): RaceOutcomes<T> {
  const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as ServiceError] : []));
  return { won, lost, lostStatuses: lost.map((error) => GrpcStatus[error.code] ?? 'UNKNOWN') };
}

/**
 * Settles calls run together and sorts them into winners and losers.
 * @param calls - the pending calls
 */
export async function settleRace<T>(calls: readonly Promise<T>[]): Promise<RaceOutcomes<T>> {
  return raceOutcomes(await Promise.allSettled(calls));
}
