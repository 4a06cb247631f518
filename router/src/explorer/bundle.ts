/**
 * Bundles the explorer's browser code (router/explorer-ui: GraphiQL 5, the explorer plugin,
 * Monaco and its workers, their style sheets and fonts) with esbuild into a flat folder of static
 * files the router serves itself. `npm run build` writes it into dist/; in development the router
 * bundles at first use (assets.ts). esbuild is a development dependency, loaded only here.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The browser sources. */
export const EXPLORER_UI_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../explorer-ui');

/** Monaco's workers: file name (without .js) → module, each its own classic-worker bundle. */
const WORKERS: Record<string, string> = {
  'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
  'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
  'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
};

const TARGET = ['chrome111', 'firefox115', 'safari16.4', 'edge111'];

/**
 * Writes explorer.js, explorer.css, the three worker scripts and the font files into `outdir`.
 * @param outdir - the folder (created; files of an earlier bundle are overwritten)
 */
export async function bundleExplorer(outdir: string): Promise<void> {
  // Dynamic: production installs no esbuild, and never reaches this (the build bundled already).
  const { build } = await import('esbuild');
  const common = {
    absWorkingDir: EXPLORER_UI_DIR,
    bundle: true,
    outdir,
    platform: 'browser',
    target: TARGET,
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  } as const;
  await build({
    ...common,
    entryPoints: { explorer: path.join(EXPLORER_UI_DIR, 'main.tsx') },
    // A module script: Monaco's ES modules read import.meta.
    format: 'esm',
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
    assetNames: '[name]-[hash]',
  });
  await build({ ...common, entryPoints: WORKERS, format: 'iife' });
}
