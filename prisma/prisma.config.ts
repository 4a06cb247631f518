/**
 * Prisma CLI configuration. The native schema engine cannot be downloaded on every machine
 * (only the npm registry is reachable), so the CLI runs the official wasm schema engine through
 * tools/schema-engine-wasm.mjs unless PRISMA_NATIVE_ENGINE is set.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

const here = path.dirname(fileURLToPath(import.meta.url));
if (!process.env['PRISMA_NATIVE_ENGINE']) {
  process.env['PRISMA_SCHEMA_ENGINE_BINARY'] ??= path.join(here, 'tools/schema-engine-wasm.mjs');
}

export default defineConfig({
  schema: path.join(here, 'schema'),
  // PRISMA_MIGRATIONS_DIR lets tests migrate from a copy of the folder (see migrateDatabase).
  migrations: { path: process.env['PRISMA_MIGRATIONS_DIR'] ?? path.join(here, 'migrations') },
  // `generate` needs no database; migrate commands read DATABASE_URL.
  datasource: { url: process.env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/hospital' },
});
