/**
 * @hospital/db: the hospital's data layer. Prisma client factory and model types for the
 * services' repositories, migrations, an embedded PostgreSQL for `npm start`, and demo data.
 */
export * from './prisma-client.ts';
export * from './migrate-database.ts';
export { checkSchemaDrift, type SchemaDriftResult } from './schema-drift.ts';
export type { PrismaCliOptions } from './prisma-cli.ts';
export * from './embedded-postgres.ts';
export { ensureDatabase, dropDatabase, databaseUrlFor } from './ensure-database.ts';
export * from './seed/seed-demo-data.ts';
export { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from './seed/demo-accounts.ts';
export * from './audit/audit-log.ts';
export * from './audit/audit-chain.ts';
export * from './audit/audit-backlog.ts';
export { AUDIT_SEAL_INTERVAL_MS, AUDIT_SEALER_LOCK, startAuditSealer, type AuditSealer, type AuditSealerSettings } from './audit/audit-sealer.ts';
export { startAuditTrail, type AuditTrail } from './audit/audit-trail-runtime.ts';
export * from './audit/access-records.ts';
export { databaseUrlAs, departmentRole, dropServiceRole, ensureServiceRole, SERVICE_GROUP_ROLE } from './service-role.ts';
export * from './outbox/prisma-outbox-store.ts';
export * from './outbox/outbox-metrics.ts';
