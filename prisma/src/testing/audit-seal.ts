/**
 * Audit writers return before their rows are chained (the sealer chains them within its interval).
 * A test that reads `audit.access_log` right after a request calls {@link waitForAuditSeal} first.
 */
import type { PrismaClient } from '../generated/prisma/client.ts';
import { sealPending } from '../audit/audit-log.ts';

/**
 * Returns once every row appended so far is in the chain. It waits for a seal in progress (the
 * chain's lock) and seals what is left itself, as readers do, so it works with or without a
 * sealer running in the test's process.
 * @param prisma - a client of the test database (the services' role may call the seal)
 */
export async function waitForAuditSeal(prisma: PrismaClient): Promise<void> {
  await sealPending(prisma);
}
