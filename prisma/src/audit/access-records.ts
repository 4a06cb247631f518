/** Reading the audit trail: who touched which patient's data, newest first, a page at a time. */
import type { AuditEntry } from '@hospital/service-kit';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { sealPending } from './audit-log.ts';

/** Filters of {@link listAccessRecords}; all optional, combined with AND. */
export interface AccessRecordFilter {
  patientId?: string;
  /** The acting user (or service name). */
  actorId?: string;
  /** Inclusive lower bound. */
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
}

/** One row as readers see it: the entry as written, plus what the database set. */
export interface AccessRecordRow extends Omit<AuditEntry, 'actorKind' | 'outcome'> {
  seq: number;
  occurredAt: Date;
  /** 'user', 'service', 'anonymous' or 'app' (a CHECK constraint holds it to these). */
  actorKind: string;
  /** 'allowed' or 'denied' (a CHECK constraint holds it to these). */
  outcome: string;
  hash: string;
}

/**
 * A page of records, newest first; `beforeSeq` continues after the previous page's last row.
 * @param prisma - a client of the hospital database
 * @param filter - who, which patient, when
 * @param page - size and where to continue
 */
export async function listAccessRecords(
  prisma: PrismaClient,
  filter: AccessRecordFilter,
  page: { limit: number; beforeSeq?: number },
): Promise<{ records: AccessRecordRow[]; totalCount: number }> {
  const where: Prisma.AccessRecordWhereInput = {
    // Prisma leaves out a condition whose value is undefined.
    patientId: filter.patientId || undefined,
    actorId: filter.actorId || undefined,
    occurredAt: filter.from || filter.to ? { gte: filter.from, lt: filter.to } : undefined,
  };
  // Every access recorded so far, also rows a writer appended but has not seen chained yet.
  await sealPending(prisma);
  const [rows, totalCount] = await Promise.all([
    prisma.accessRecord.findMany({
      where: page.beforeSeq === undefined ? where : { AND: [where, { seq: { lt: BigInt(page.beforeSeq) } }] },
      orderBy: { seq: 'desc' },
      take: page.limit,
    }),
    prisma.accessRecord.count({ where }),
  ]);
  return {
    records: rows.map(({ prevHash: _prevHash, appId, appName, ...row }) => ({
      ...row,
      seq: Number(row.seq),
      fields: row.fields ?? [],
      app: appId === null ? undefined : { clientId: appId, name: appName ?? '' },
    })),
    totalCount,
  };
}
