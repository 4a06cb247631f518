/** @hospital/db/testing: throw-away databases for integration tests, and the audit trail's seal. */
export * from './create-test-database.ts';
export * from './audit-seal.ts';
