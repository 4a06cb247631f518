/// <reference path="./provided-context.d.ts" />
/**
 * Composition root of a test run: one fresh, migrated database for every test file, dropped at
 * the end. TEST_DATABASE_URL names the server to use; without it the local default server is
 * used, or an embedded PostgreSQL when none answers (see createTestDatabase).
 */
import type { TestProject } from 'vitest/node';
import { createTestDatabase } from '@hospital/db/testing';

/**
 * Creates the run's database and provides its URL as `databaseUrl`.
 * @param project - the vitest project, through which the URL is provided
 * @returns the teardown that drops the database
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env['TEST_DATABASE_URL'] || undefined;
  const database = await createTestDatabase({ serverUrl });
  project.provide('databaseUrl', database.url);
  return () => database.drop();
}
