/**
 * The root package declares every workspace package its own files import (the launcher, the
 * k8s scripts, the benchmarks, the root tests…): files outside any workspace resolve
 * `@hospital/*` through the root's declared dependencies, not through whichever workspace happens
 * to have pulled the package in. TypeScript's scanner lists each file's specifiers (`import type`
 * and `export … from` counted).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const SKIPPED = new Set(['node_modules', 'dist', '.git', '.data', 'test-results']);

/**
 * The root's own source files: every script under `dir` outside node_modules, builds and any
 * folder with its own package.json (a workspace).
 * @param dir - where to look
 */
function rootFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) || existsSync(join(path, 'package.json')) ? [] : rootFiles(path);
    return entry.isFile() && /\.(ts|tsx|mts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

describe('root package dependencies', () => {
  it('declares every @hospital package its own files import', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    const declared = new Set([...Object.keys(manifest['dependencies'] ?? {}), ...Object.keys(manifest['devDependencies'] ?? {})]);
    const undeclared = rootFiles(root).flatMap((file) =>
      ts
        .preProcessFile(readFileSync(file, 'utf8'), true, true)
        .importedFiles.map((ref) => /^@hospital\/[^/]+/.exec(ref.fileName)?.[0])
        .filter((name): name is string => name !== undefined && !declared.has(name))
        .map((name) => `${relative(root, file)}: ${name}`),
    );
    expect(undeclared).toEqual([]);
  });
});
