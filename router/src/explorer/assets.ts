/**
 * The explorer's static files, read once into memory: from the folder `npm run build` wrote
 * (dist/router/explorer-assets), else (development, from the sources) bundled at first use into
 * a cache folder keyed by the sources and the bundled packages' versions, so later starts reuse it.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Where `npm run build` puts the bundle (dist/router/explorer-assets; absent in a checkout). */
export const PREBUILT_EXPLORER_DIR = path.resolve(here, '../../explorer-assets');

/** One static file. */
export interface ExplorerAsset {
  body: Buffer;
  contentType: string;
}

/** File name → file. */
export type ExplorerAssets = ReadonlyMap<string, ExplorerAsset>;

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Packages whose version changes the bundle. */
const BUNDLED_PACKAGES = [
  'graphiql',
  '@graphiql/react',
  '@graphiql/plugin-explorer',
  '@graphiql/toolkit',
  'monaco-editor',
  'monaco-graphql',
  'react',
  'react-dom',
  'graphql',
  'graphql-ws',
  'esbuild',
];

/**
 * Reads every file of a bundle folder (flat) with its content type.
 * @param dir - the folder
 */
export async function readExplorerAssets(dir: string): Promise<ExplorerAssets> {
  const assets = new Map<string, ExplorerAsset>();
  for (const name of await readdir(dir)) {
    const contentType = CONTENT_TYPES[path.extname(name)];
    if (contentType) assets.set(name, { body: await readFile(path.join(dir, name)), contentType });
  }
  if (!assets.has('explorer.js')) throw new Error(`${dir} holds no explorer.js`);
  return assets;
}

/** A key for the current sources and package versions. */
async function sourceKey(uiDir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const name of (await readdir(uiDir)).sort()) {
    if (/\.(tsx?|css)$/.test(name)) hash.update(name).update(await readFile(path.join(uiDir, name)));
  }
  const require = createRequire(path.join(uiDir, 'main.tsx'));
  for (const name of BUNDLED_PACKAGES) {
    try {
      hash.update(`${name}@${(require(`${name}/package.json`) as { version: string }).version}`);
    } catch {
      hash.update(`${name}@?`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The development path: bundles into `cacheDir/<key>` unless that folder is there already.
 * Written beside and renamed into place, so a half-written bundle is never read.
 * @param cacheDir - e.g. node_modules/.cache/hospital-explorer
 */
async function bundledInCache(cacheDir: string): Promise<string> {
  const { bundleExplorer, EXPLORER_UI_DIR } = await import('./bundle.ts');
  const target = path.join(cacheDir, await sourceKey(EXPLORER_UI_DIR));
  if (existsSync(path.join(target, 'explorer.js'))) return target;
  const scratch = `${target}.${process.pid}.tmp`;
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true });
  await bundleExplorer(scratch);
  // Another process may have finished first; its copy is as good as ours.
  await rename(scratch, target).catch(() => rm(scratch, { recursive: true, force: true }));
  return target;
}

/**
 * The assets, loaded once on first call (the prebuilt folder when there is one).
 * @param options - the prebuilt folder and the development cache folder
 */
export function explorerAssetLoader(options: { prebuiltDir: string; cacheDir: string }): () => Promise<ExplorerAssets> {
  let loading: Promise<ExplorerAssets> | undefined;
  return () => {
    loading ??= (existsSync(options.prebuiltDir) ? Promise.resolve(options.prebuiltDir) : bundledInCache(options.cacheDir)).then(readExplorerAssets);
    // A failed bundle is tried again on the next request rather than remembered.
    loading.catch(() => (loading = undefined));
    return loading;
  };
}

/** The development cache folder: node_modules/.cache/hospital-explorer at the repository root. */
export const DEFAULT_EXPLORER_CACHE_DIR = path.resolve(here, '../../../node_modules/.cache/hospital-explorer');
