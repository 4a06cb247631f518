/**
 * Who is acting on a call, in the one vocabulary every service uses: the signed-in user's id for
 * audit columns and rules about oneself, or a refusal where only a person may act.
 */
import { forbidden } from './errors.ts';
import type { Caller } from './identity-token.ts';

/**
 * The signed-in user acting; null when one of the system's services (or nobody) is calling.
 * @param caller - the verified caller (`scope.caller`)
 */
export function actingUserId(caller: Caller): string | null {
  return caller.kind === 'user' ? caller.userId : null;
}

/**
 * The signed-in user acting; FORBIDDEN for anyone else (a record must name a person, an inbox
 * belongs to one).
 * @param caller - the verified caller (`scope.caller`)
 * @param refusal - the message of the refusal, in the department's words
 */
export function requireActingUser(caller: Caller, refusal: string): string {
  if (caller.kind !== 'user') throw forbidden(refusal);
  return caller.userId;
}
