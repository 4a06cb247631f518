/** Sorting the outcomes of racing calls, for the pharmacy's concurrency tests. */
import { status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';

/**
 * Settles calls run together and sorts them into successes and gRPC status names.
 * @param calls - the pending calls
 */
export async function settle<T>(calls: Promise<T>[]): Promise<{ ok: T[]; failed: string[] }> {
  const results = await Promise.allSettled(calls);
  return {
    ok: results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
    failed: results.flatMap((r) => (r.status === 'rejected' ? [GrpcStatus[(r.reason as ServiceError).code] ?? 'UNKNOWN'] : [])),
  };
}
