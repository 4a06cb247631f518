/**
 * The one check of an IANA time-zone name (the hospital's HOSPITAL_TIME_ZONE): the web server's
 * env, the dashboards' clock and the notifications service's env all ask this module. No runtime
 * dependency, so the browser bundle can import it as `@hospital/grpc-contracts/time-zone`.
 */

/**
 * True when `name` is an IANA time zone this JavaScript engine knows ("Europe/London", "UTC");
 * false for an empty or made-up name. Node and browsers ship full ICU, so the engine's own Intl
 * data decides.
 * @param name - the zone name to check
 */
export function isTimeZone(name: string): boolean {
  if (name.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** What a refusal of a zone name says (the env readers append it to the variable's name). */
export const TIME_ZONE_HINT = 'must be an IANA time zone such as Europe/London';
