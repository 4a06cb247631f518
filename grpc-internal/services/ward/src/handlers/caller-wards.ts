/** The caller's ward scope, read once per call from the assignments table. */
import type { CallScope } from '@hospital/service-kit/grpc';
import { wardScopeOf, type WardScope } from '../domain/ward-access.ts';
import type { WardDeps } from '../ward-deps.ts';

/**
 * Which wards the caller may see (ward staff: their assigned wards; everyone else: all).
 * @param deps - assignment storage
 * @param scope - the caller
 */
export function callerWardScope(deps: Pick<WardDeps, 'assignments'>, scope: CallScope): Promise<WardScope> {
  return wardScopeOf(scope.caller, (userId) => deps.assignments.wardIdsOf(userId));
}
