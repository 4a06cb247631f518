/**
 * dist/ loads every external package from the root's node_modules. A workspace whose own nested
 * copy differs (npm nests it when another package holds the root with another major) would run
 * against the wrong copy in production: @opentelemetry/resources 1.x instead of the kit's 2.x made
 * every built runnable exit at start. The build refuses that, naming the package to hoist.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { externalThirdParty, installedPackageDir, packageNameOf } from './rewrite-import-meta.ts';

/** A package.json-only package at `dir`. */
async function fakePackage(dir: string, version: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: path.basename(dir), version, main: 'index.js' }));
  await writeFile(path.join(dir, 'index.js'), 'export const x = 1;\n');
}

describe('externalThirdParty', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'external-third-party-'));
    await fakePackage(path.join(root, 'node_modules/shared'), '1.0.0');
    await fakePackage(path.join(root, 'node_modules/@scope/same'), '1.0.0');
    await fakePackage(path.join(root, 'ws/node_modules/shared'), '2.0.0');
    await mkdir(path.join(root, 'ws/src'), { recursive: true });
    await writeFile(path.join(root, 'ws/src/nested.ts'), "import { x } from 'shared/sub';\nexport const y = x;\n");
    await writeFile(path.join(root, 'ws/src/hoisted.ts'), "import { x } from '@scope/same';\nimport { readFile } from 'node:fs';\nexport const y = [x, readFile];\n");
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const bundle = (entry: string) =>
    build({
      absWorkingDir: root,
      entryPoints: [path.join(root, entry)],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'esm',
      logLevel: 'silent',
      plugins: [externalThirdParty(root)],
    });

  it('names the package of a bare specifier', () => {
    expect(packageNameOf('@opentelemetry/resources/build/src')).toBe('@opentelemetry/resources');
    expect(packageNameOf('pg/lib/client')).toBe('pg');
  });

  it('finds the copy node would load', () => {
    expect(installedPackageDir(path.join(root, 'ws/src'), 'shared')).toBe(path.join(root, 'ws/node_modules/shared'));
    expect(installedPackageDir(root, 'shared')).toBe(path.join(root, 'node_modules/shared'));
    expect(installedPackageDir(root, 'absent')).toBeNull();
  });

  it('refuses a workspace import that dist/ would resolve to another copy', async () => {
    await expect(bundle('ws/src/nested.ts')).rejects.toThrow(/shared resolves to ws\/node_modules\/shared .* declare shared in the root package\.json/);
  });

  it('leaves hoisted packages and builtins external', async () => {
    const result = await bundle('ws/src/hoisted.ts');
    expect(result.outputFiles[0]!.text).toContain('@scope/same');
  });
});
