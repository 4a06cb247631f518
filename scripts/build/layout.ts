/**
 * What the production build puts in dist/: one bundle per runnable at dist/ top level, and the
 * files they read at run time copied to the same relative paths as in the repository, so every
 * `new URL('../schema.graphql', import.meta.url)`-style path resolves the same way in both layouts
 * (see rewrite-import-meta.ts).
 */
import { DEPARTMENTS, RUNNABLES } from '../hospital/commands.ts';

/** esbuild entry points: bundle name (without .js) → source, relative to the repository root. */
export function bundleEntries(): Record<string, string> {
  const entries: Record<string, string> = { hospital: 'scripts/hospital.ts' };
  for (const runnable of RUNNABLES.values()) entries[runnable.bundle.replace(/\.js$/, '')] = runnable.source;
  return entries;
}

/**
 * Files and folders read at run time, relative to the repository root; each is copied to
 * dist/<same path>. The web app (web/dist) is built by vite first.
 */
export const RUNTIME_ASSETS: readonly string[] = [
  ...DEPARTMENTS.map((dept) => `subgraphs/${dept}/schema.graphql`),
  // The SDL prelude the subgraph kit puts in front of every schema.graphql at start-up.
  'subgraphs/kit/prelude.graphql',
  'router/supergraph.graphql',
  'web/src/gql/persisted-documents.json',
  'web/dist',
  'grpc-internal/proto',
  // The Prisma CLI runs from dist/prisma (prisma.config.ts, schema, migrations, wasm schema engine).
  'prisma/prisma.config.ts',
  'prisma/schema',
  'prisma/migrations',
  'prisma/tools',
];
