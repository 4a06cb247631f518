/**
 * The reporter behind .ci/run's count of unhandled errors: a run whose tests all pass but whose
 * process threw must not be summarised as "N passed, 0 failed".
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { unhandledErrorRecord, type UnhandledErrorRecord } from './unhandled-errors-reporter.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');

describe('unhandled errors reporter', () => {
  it('keeps the name, message, test file and the first stack lines', () => {
    const error = Object.assign(new Error('boom'), { VITEST_TEST_PATH: path.join(root, 'a/b.test.ts') });
    const record = unhandledErrorRecord(error, root);
    expect(record).toMatchObject({ name: 'Error', message: 'boom', testFile: 'a/b.test.ts' });
    expect(record.stack.split('\n').length).toBeLessThanOrEqual(8);
    expect(unhandledErrorRecord('a string', root)).toMatchObject({ message: 'a string', testFile: null, stack: '' });
  });

  it('writes the errors of a run whose tests passed', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'unhandled-'));
    try {
      const config = path.join(out, 'vitest.config.mjs');
      const output = path.join(out, 'unhandled-errors.json');
      await writeFile(
        config,
        `export default { test: {
        root: ${JSON.stringify(path.join(root, 'test/fixtures/unhandled-error'))},
        include: ['**/*.spec-fixture.ts'],
        reporters: [[${JSON.stringify(path.join(root, 'test/unhandled-errors-reporter.ts'))}, { outputFile: ${JSON.stringify(output)} }]],
      } };\n`,
      );
      const failed = await run(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', config], {
        cwd: root,
        env: { ...process.env, CI: 'true' },
      }).then(
        () => false,
        () => true,
      );
      expect(failed).toBe(true);
      const records = JSON.parse(await readFile(output, 'utf8')) as UnhandledErrorRecord[];
      expect(records).toHaveLength(1);
      expect(records[0]!.message).toContain('left behind by the fixture');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 60_000);
});
