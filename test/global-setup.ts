/// <reference path="./provided-context.d.ts" />
/**
 * Composition root of a test run: one fresh, migrated database for every test file, dropped at
 * the end. TEST_DATABASE_URL names the server to use; without it the local default server is
 * used, or an embedded PostgreSQL when none answers (see createTestDatabase). A real Kafka broker
 * too: KAFKA_BROKERS names one to use, otherwise the project's scripts start one for the run.
 * A real Redis for the rate-limit tests: REDIS_URL, the local one, or one started for the run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createTestDatabase } from '@hospital/db/testing';
import { startTestKafka } from './kafka.ts';
import { findTestRedis } from './redis.ts';

/**
 * Creates the run's database and provides its URLs: `databaseUrl` as the services' role,
 * `databaseOwnerUrl` as its owner; and a folder for what the run builds once (`runDir`).
 * @param project - the vitest project, through which the URL is provided
 * @returns the teardown that drops the database
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env['TEST_DATABASE_URL'] || undefined;
  const [database, kafka, redis] = await Promise.all([
    createTestDatabase({ serverUrl }),
    process.env['KAFKA_BROKERS'] ? Promise.resolve({ brokers: process.env['KAFKA_BROKERS'], stop: async () => {} }) : startTestKafka(process.env),
    findTestRedis(process.env),
  ]);
  project.provide('databaseUrl', database.url);
  project.provide('databaseOwnerUrl', database.ownerUrl);
  project.provide('kafkaBrokers', kafka.brokers);
  project.provide('redis', { url: redis.url ?? '', problem: redis.problem ?? '' });
  // What several files would otherwise each build again (the web app for the browser tests).
  const runDir = await mkdtemp(path.join(tmpdir(), 'hospital-test-run-'));
  project.provide('runDir', runDir);
  return async () => {
    await Promise.all([database.drop(), kafka.stop(), redis.stop(), rm(runDir, { recursive: true, force: true })]);
  };
}
