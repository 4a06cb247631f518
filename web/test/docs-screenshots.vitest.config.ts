/**
 * `npm run docs:screenshots`: the root vitest setup (its run database and global setup) running only
 * the screenshot script, which is no test and is not part of `npm test`. Spread, not mergeConfig:
 * merging would append to the root's `include` and run the whole suite.
 */
import { defineConfig } from 'vitest/config';
import root from '../../vitest.config.ts';

export default defineConfig({ ...root, test: { ...root.test, include: ['web/test/docs-screenshots.shots.ts'], reporters: ['default'] } });
