/** Who records a change: every admission, transfer and discharge names a staff member. */
import { forbidden, type CallScope } from '@hospital/service-kit';

/**
 * The signed-in user recording the change. Service principals pass `unary`, but a stay's record
 * must name the person responsible, so they are refused here.
 * @param scope - the call scope
 */
export function recorderId(scope: CallScope): string {
  if (scope.caller.kind !== 'user') throw forbidden('Only a signed-in staff member can record this.');
  return scope.caller.userId;
}
