/** Who did it, for the audit columns. */
import type { CallScope } from '@hospital/service-kit';

/**
 * The caller's user id, or null for the system's own services.
 * @param scope - the call being served
 */
export function userIdOf(scope: CallScope): string | null {
  return scope.caller.kind === 'user' ? scope.caller.userId : null;
}
