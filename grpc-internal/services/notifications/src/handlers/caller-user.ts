/** The signed-in user behind a call: notifications belong to people, not to services. */
import { forbidden, type CallScope } from '@hospital/service-kit';

/**
 * The caller's user id; FORBIDDEN for a service principal (it has no inbox).
 * @param scope - the call scope
 */
export function callerUserId(scope: CallScope): string {
  if (scope.caller.kind !== 'user') throw forbidden('Only signed-in users have notifications.');
  return scope.caller.userId;
}
