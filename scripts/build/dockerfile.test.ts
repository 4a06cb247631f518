/**
 * What can be checked of the image without a Docker engine: the build context holds every COPY
 * source, stages named in --from exist, the base is pinned by digest, the runtime user is not root,
 * and the entry point is the built dist/hospital.js (whose commands the dist test starts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleEntries } from './layout.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
// Instructions, with continuation lines joined and comments dropped.
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
const ignored = readFileSync(path.join(root, '.dockerignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));

const stages = instructions.filter((line) => /^FROM /i.test(line)).map((line) => /\bAS\s+(\S+)/i.exec(line)?.[1]);
const args: Record<string, string> = Object.fromEntries(
  instructions.flatMap((line) => {
    const match = /^ARG (\w+)=(\S+)/.exec(line);
    return match ? [[match[1]!, match[2]!]] : [];
  }),
);
const copies = instructions.filter((line) => /^COPY /i.test(line)).map((line) => line.split(/\s+/).slice(1));

describe('Dockerfile', () => {
  it('copies from the context only what exists there and .dockerignore keeps', () => {
    const fromContext = copies.filter((words) => !words.some((word) => word.startsWith('--from=')));
    expect(fromContext.length).toBeGreaterThan(0);
    for (const words of fromContext) {
      for (const source of words.filter((word) => !word.startsWith('--')).slice(0, -1)) {
        expect(existsSync(path.join(root, source)), source).toBe(true);
        if (source !== '.') expect(ignored, source).not.toContain(source);
      }
    }
  });

  it('copies --from stages that the Dockerfile defines, and dist/ from the one that runs npm run build', () => {
    for (const words of copies) {
      const from = words.find((word) => word.startsWith('--from='))?.slice('--from='.length);
      if (from) expect(stages).toContain(from);
    }
    expect(instructions).toContain('RUN npm run build');
    expect(copies.some((words) => words.includes('--from=build') && words.includes('/app/dist'))).toBe(true);
  });

  it('pins every base image by digest', () => {
    const bases = instructions.filter((line) => /^FROM /i.test(line)).map((line) => line.split(/\s+/)[1]!.replace(/^\$\{(\w+)\}$/, (_, name: string) => args[name] ?? name));
    expect(bases.length).toBeGreaterThanOrEqual(2);
    for (const base of bases) expect(base).toMatch(/^node:20-slim@sha256:[0-9a-f]{64}$/);
  });

  it('runs the final stage as a non-root user with production dependencies only', () => {
    const runtime = instructions.slice(instructions.findLastIndex((line) => /^FROM /i.test(line)));
    const user = runtime.find((line) => /^USER /i.test(line))?.split(/\s+/)[1];
    expect(user).toBeDefined();
    expect(user!.split(':')[0]).not.toMatch(/^(0|root)$/);
    expect(runtime.some((line) => line.includes('npm ci --omit=dev'))).toBe(true);
    expect(runtime).toContain('VOLUME ["/tmp"]');
  });

  it('enters through the built entry point, which the build produces', () => {
    expect(instructions).toContain('ENTRYPOINT ["node", "dist/hospital.js"]');
    expect(bundleEntries()['hospital']).toBe('scripts/hospital.ts');
  });

  it('keeps dependencies, builds and generated code out of the build context', () => {
    for (const entry of ['.git', '**/node_modules', 'dist', 'web/dist', '.data', 'prisma/src/generated', 'web/src/gql']) expect(ignored).toContain(entry);
  });
});
