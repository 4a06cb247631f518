/**
 * One vitest run for the whole repository. Integration tests share one fresh, migrated database
 * per run, created in test/global-setup.ts and reached with `testDatabaseUrl()` from
 * test/helpers.ts.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Apollo's packages load graphql's CommonJS build; vitest would hand our code the ESM build,
    // and two copies of graphql cannot share schemas or errors. One copy: the CommonJS one.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    // The default console report, plus a JSON file .ci/run reads for its "N passed, N failed" line,
    // and the unhandled errors (which fail a run whose tests all passed) that the JSON leaves out.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }], './test/unhandled-errors-reporter.ts'],
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/.data/**', '**/dist/**'],
    globalSetup: ['test/global-setup.ts'],
    // Separate processes: Prisma clients, gRPC servers and pg pools never share a worker's state.
    pool: 'forks',
    // As many files at a time as vitest's default (cores - 1: one on the 2-core CI machine, where
    // two workers measured slower, since a whole-system file keeps a core busy). Files never assume
    // the run's database, topics or counters to themselves, so more workers are safe: one that
    // must, takes a database of its own (test/own-database.ts).
    // Integration tests start servers and run the Prisma CLI (about 2 s per migrate call).
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
