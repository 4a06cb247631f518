/**
 * `npm run build`: the production build. Builds the web app (vite → web/dist), bundles every
 * server runnable with esbuild into dist/<runnable>.js (entry point dist/hospital.js), and copies
 * the files they read at run time into dist/ at their repository paths, plus the router's bundled
 * API explorer (dist/router/explorer-assets). Third-party packages stay
 * external: production needs `node_modules` from `npm ci --omit=dev`, but no TypeScript toolchain.
 */
import { cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildWebApp } from '../launcher/web-build.ts';
import { bundleExplorer } from '../../router/src/explorer/bundle.ts';
import { bundleEntries, RUNTIME_ASSETS } from './layout.ts';
import { externalThirdParty, rewriteImportMetaUrl } from './rewrite-import-meta.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Built beside dist/ and swapped in at the end, so processes running from dist/ (reading their
// assets lazily) see the old build or the new one, never half of one.
const dist = path.join(root, 'dist.next');

/** Bundles every runnable; returns the bundles' total size in bytes. */
async function bundle(): Promise<number> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(bundleEntries()).map(([name, source]) => [name, path.join(root, source)])),
    outdir: dist,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: 'linked',
    // Third-party CommonJS stays external and is loaded by node itself; this require is for any
    // bundled `require` of a builtin.
    banner: { js: "import { createRequire as __hospitalCreateRequire } from 'node:module'; const require = __hospitalCreateRequire(import.meta.url);" },
    define: { __HOSPITAL_BUILT__: 'true' },
    plugins: [externalThirdParty(root), rewriteImportMetaUrl(root, ['scripts/hospital.ts'])],
    metafile: true,
    logLevel: 'warning',
  });
  return Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
}

/** Copies the run-time assets to dist/<same path>. */
async function copyAssets(): Promise<void> {
  for (const asset of RUNTIME_ASSETS) {
    await mkdir(path.dirname(path.join(dist, asset)), { recursive: true });
    await cp(path.join(root, asset), path.join(dist, asset), { recursive: true });
  }
}

const started = performance.now();
await rm(dist, { recursive: true, force: true });
await buildWebApp(root);
const webMs = performance.now() - started;
const bytes = await bundle();
await copyAssets();
// The router's API explorer (GraphiQL, Monaco, fonts) as static files, where the router looks for them
// (router/src/explorer/assets.ts); production has no esbuild to bundle them at run time.
await bundleExplorer(path.join(dist, 'router/explorer-assets'));
// dist/ holds ES modules: node must not read them as CommonJS whatever the package.json above says.
await writeFile(path.join(dist, 'package.json'), `${JSON.stringify({ type: 'module', private: true }, null, 2)}\n`);
await rm(path.join(root, 'dist.old'), { recursive: true, force: true });
await rename(path.join(root, 'dist'), path.join(root, 'dist.old')).catch(() => undefined);
await rename(dist, path.join(root, 'dist'));
await rm(path.join(root, 'dist.old'), { recursive: true, force: true });
const totalMs = performance.now() - started;
console.log(
  `dist/ built in ${(totalMs / 1000).toFixed(1)} s (web app ${(webMs / 1000).toFixed(1)} s, bundles ${((totalMs - webMs) / 1000).toFixed(1)} s, ${(bytes / 1024 / 1024).toFixed(1)} MiB incl. source maps)`,
);
