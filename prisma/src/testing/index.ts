/** @hospital/db/testing: throw-away databases for integration tests. */
export * from './create-test-database.ts';
