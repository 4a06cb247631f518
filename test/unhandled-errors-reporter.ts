/**
 * Writes the run's unhandled errors (an uncaught exception or rejection in a test process, which
 * fails the run although every test passed) to test-results/unhandled-errors.json. vitest's JSON
 * report leaves them out, so .ci/run could only print "N passed, 0 failed" for a red run, and a CI
 * log cut to its tail showed that the run failed but never why.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/** What is kept of one unhandled error: enough to find it in a cut log. */
export interface UnhandledErrorRecord {
  name: string;
  message: string;
  /** The test file that was running when it was thrown (vitest's attribution), when known. */
  testFile: string | null;
  /** The first lines of the stack. */
  stack: string;
}

/** Reduces one of vitest's serialised errors to {@link UnhandledErrorRecord}. */
export function unhandledErrorRecord(error: unknown, root: string): UnhandledErrorRecord {
  const candidate = (error ?? {}) as { name?: unknown; message?: unknown; stack?: unknown; VITEST_TEST_PATH?: unknown };
  const testPath = typeof candidate.VITEST_TEST_PATH === 'string' ? path.relative(root, candidate.VITEST_TEST_PATH) : null;
  return {
    name: typeof candidate.name === 'string' ? candidate.name : 'Error',
    message: typeof candidate.message === 'string' ? candidate.message : String(error),
    testFile: testPath,
    stack: typeof candidate.stack === 'string' ? candidate.stack.split('\n').slice(0, 8).join('\n') : '',
  };
}

/** The reporter: one file per run, written even when there were none (so a stale file never lies). */
export default class UnhandledErrorsReporter implements Reporter {
  private root = process.cwd();

  /** @param options - where to write (default test-results/unhandled-errors.json under the root) */
  constructor(private readonly options: { outputFile?: string } = {}) {}

  onInit(vitest: { config: { root: string } }): void {
    this.root = vitest.config.root;
  }

  onTestRunEnd(_modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    const file = path.resolve(this.root, this.options.outputFile ?? 'test-results/unhandled-errors.json');
    mkdirSync(path.dirname(file), { recursive: true });
    const records = errors.map((error) => unhandledErrorRecord(error, this.root));
    writeFileSync(file, `${JSON.stringify(records, null, 2)}\n`);
  }
}
