/**
 * `npm run audit:verify`: walks the audit trail's hash chain in DATABASE_URL and says whether it is
 * intact or where it breaks, then looks at what is not chained yet. Exit 0 intact, 2 broken,
 * 3 intact but rows pending longer than AUDIT_PENDING_MAX_AGE_SECONDS (no sealer is running),
 * 1 could not check. Keep the printed anchor outside the database (a ticket, a log archive) and
 * pass it as AUDIT_ANCHOR next time: a chain rewritten or cut after that row then fails too.
 */
import { createPrismaClient } from '../prisma-client.ts';
import { verifyAuditChain } from './audit-chain.ts';
import { auditBacklog } from './audit-backlog.ts';
import { loadVerifyConfig } from './verify-env.ts';

let config: ReturnType<typeof loadVerifyConfig>;
try {
  config = loadVerifyConfig(process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const db = createPrismaClient(config.DATABASE_URL, { poolSize: 1 });
try {
  const report = await verifyAuditChain(db, config.AUDIT_ANCHOR);
  if (report.ok) {
    console.log(`Audit trail intact: ${report.rows} records; head seq ${report.head?.seq ?? 0}, hash ${report.head?.hash ?? '-'}`);
    // The line to keep outside the database and pass back as AUDIT_ANCHOR next time.
    if (report.head) console.log(`Anchor for the next check: AUDIT_ANCHOR=${report.head.seq}:${report.head.hash}`);
    const backlog = await auditBacklog(db);
    const age = backlog.oldestAgeSeconds ?? 0;
    console.log(`Pending (not yet chained): ${backlog.pending} rows, oldest ${age.toFixed(1)} s`);
    if (backlog.pending > 0 && age > config.AUDIT_PENDING_MAX_AGE_SECONDS) {
      console.log(`ALERT: rows pending longer than ${config.AUDIT_PENDING_MAX_AGE_SECONDS} s: is any service's audit sealer running?`);
      process.exitCode = 3;
    }
  } else {
    console.log(`Audit trail BROKEN at seq ${report.brokenAt?.seq}: ${report.brokenAt?.problem} (${report.rows} records before it check out)`);
    process.exitCode = 2;
  }
} catch (error) {
  console.error(`Could not verify the audit trail: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
