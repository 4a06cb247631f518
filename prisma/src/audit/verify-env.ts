/** Configuration of `npm run audit:verify`. */
import { z } from 'zod';
import { databaseEnv, parseEnv } from '@hospital/service-kit';

/**
 * Parses DATABASE_URL, reporting a problem plainly.
 * @param env - the variables (process.env in main.ts)
 */
export function loadVerifyConfig(env: Record<string, string | undefined>): { DATABASE_URL: string } {
  return parseEnv(z.object({ ...databaseEnv }), env);
}
