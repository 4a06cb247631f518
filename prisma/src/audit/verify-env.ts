/** Configuration of `npm run audit:verify`. */
import { z } from 'zod';
import { databaseEnv, parseEnv } from '@hospital/service-kit';
import type { AuditChainAnchor } from './audit-chain.ts';
import { AUDIT_PENDING_MAX_AGE_SECONDS } from './audit-backlog.ts';

const schema = z.object({
  ...databaseEnv,
  /** `seq:hash` printed by an earlier check and kept outside the database. */
  AUDIT_ANCHOR: z
    .string()
    .regex(/^[1-9][0-9]{0,15}:[0-9a-f]{64}$/, 'must be <seq>:<hash> as an earlier check printed it')
    .optional()
    .transform((value) => (value ? { seq: Number(value.split(':')[0]), hash: value.split(':')[1]! } : undefined)),
  /** Pending (unsealed) rows older than this many seconds make the check fail: no sealer runs. */
  AUDIT_PENDING_MAX_AGE_SECONDS: z.coerce
    .number()
    .int()
    .min(AUDIT_PENDING_MAX_AGE_SECONDS.min)
    .max(AUDIT_PENDING_MAX_AGE_SECONDS.max)
    .default(AUDIT_PENDING_MAX_AGE_SECONDS.default),
});

/**
 * Parses DATABASE_URL, AUDIT_ANCHOR and AUDIT_PENDING_MAX_AGE_SECONDS, reporting problems plainly.
 * @param env - the variables (process.env in main.ts)
 */
export function loadVerifyConfig(env: Record<string, string | undefined>): {
  DATABASE_URL: string;
  AUDIT_ANCHOR?: AuditChainAnchor | undefined;
  AUDIT_PENDING_MAX_AGE_SECONDS: number;
} {
  return parseEnv(schema, env);
}
