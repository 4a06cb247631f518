/** `AccessRecord` and `AuditChainReport`: the audit service's proto messages, shaped for GraphQL. */
import { GraphQLError } from 'graphql';
import type { AccessRecordResolvers, AuditChainReportResolvers, Role } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './deps.ts';

const ROLE_NAMES: Record<string, Role> = { admin: 'ADMIN', doctor: 'DOCTOR', pharmacist: 'PHARMACIST', finance: 'FINANCE', ward_staff: 'WARD_STAFF' };

/** The trail stores closed sets in lower case; anything else means the row was not written by us. */
function upper<T extends string>(value: string, allowed: readonly T[]): T {
  const result = value.toUpperCase() as T;
  if (!allowed.includes(result)) throw new GraphQLError('Unexpected value in the audit trail.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  return result;
}

/**
 * AccessRecord resolvers; fields not listed read the proto message as is.
 * @param deps - the users loader key
 */
export function createAccessRecordResolvers({ users }: ResolverDeps): AccessRecordResolvers {
  return {
    actorKind: (record) => upper(record.actorKind, ['USER', 'SERVICE', 'ANONYMOUS', 'APP'] as const),
    outcome: (record) => upper(record.outcome, ['ALLOWED', 'DENIED'] as const),
    // N records by the same few users cost one GetUsers call.
    user: (record, _args, ctx) => (record.actorKind === 'user' && record.actorId ? ctx.loaders.get(users).load(record.actorId) : null),
    actorId: (record) => record.actorId || null,
    actorRole: (record) => ROLE_NAMES[record.actorRole] ?? null,
    operation: (record) => record.operation || null,
    patientId: (record) => record.patientId || null,
    reason: (record) => record.reason || null,
    ip: (record) => record.ip || null,
    userAgent: (record) => record.userAgent || null,
    appClientId: (record) => record.appClientId || null,
    appName: (record) => record.appName || null,
  };
}

/** AuditChainReport resolvers. */
export function createAuditChainReportResolvers(): AuditChainReportResolvers {
  return {
    records: (report) => Number(report.rows),
    headSeq: (report) => (report.headSeq === '0' ? null : report.headSeq),
    headHash: (report) => report.headHash || null,
    brokenSeq: (report) => (report.brokenSeq === '0' ? null : report.brokenSeq),
    problem: (report) => report.problem || null,
  };
}
