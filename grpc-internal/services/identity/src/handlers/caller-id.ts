/** The signed-in caller's id, for rules about acting on oneself. */
import type { CallScope } from '@hospital/service-kit';

/**
 * The caller's user id; undefined for anonymous callers.
 * @param scope - the call scope
 */
export function callerId(scope: CallScope): string | undefined {
  return scope.caller.kind === 'user' ? scope.caller.userId : undefined;
}
