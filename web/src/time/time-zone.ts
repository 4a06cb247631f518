/** IANA zone names, checked by the engine's own Intl data (shared by the web server's env and the app). */

/** True when `name` is an IANA time zone this JavaScript engine knows ("Europe/London", "UTC"). */
export function isTimeZone(name: string): boolean {
  if (name.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
