/**
 * GetFollowableWards: the wards whose clinical events (ward vitals) a caller may follow, for the
 * clinical subgraph's subscriptions. Ward staff follow the wards the ward department lets them see
 * (their assignments, asked on their behalf); everyone else admitted to this method follows every
 * ward, as everywhere in the ward department.
 */
import type { GetFollowableWardsResponse } from '@hospital/grpc-contracts';
import type { CallScope } from '@hospital/service-kit/grpc';
import type { ClinicalDeps } from '../clinical-deps.ts';

/**
 * The caller's followable wards.
 * @param deps - the ward department
 * @param scope - the caller
 */
export async function getFollowableWardsHandler(deps: Pick<ClinicalDeps, 'care'>, scope: CallScope): Promise<GetFollowableWardsResponse> {
  if (scope.caller.kind === 'user' && scope.caller.role === 'ward_staff') return { everyWard: false, wardIds: await deps.care.wardsCallerSees(scope) };
  return { everyWard: true, wardIds: [] };
}
