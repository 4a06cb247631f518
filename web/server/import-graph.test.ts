/**
 * The web server needs only the service kit's transport-neutral part (env, logger, shutdown, HTTP
 * limits, forwarded proof): its import graph, followed through the workspaces as esbuild bundles
 * it, must not reach kafkajs nor the gRPC server (issue 13: the kit's barrel used to drag both in).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.ts');

/** Every npm package the entry reaches (workspace packages are followed, not listed). */
async function externalPackages(entry: string): Promise<Set<string>> {
  const reached = new Set<string>();
  await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
    plugins: [
      {
        name: 'record-packages',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) => {
            if (args.path.startsWith('@hospital/') || args.path.startsWith('node:')) return undefined;
            const parts = args.path.split('/');
            reached.add(args.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  return reached;
}

describe('web server import graph', () => {
  it('reaches the neutral kit only: no kafkajs, no gRPC server or health check', async () => {
    const packages = await externalPackages(ENTRY);
    // The walk did follow the kit (its logger is pino).
    expect(packages).toContain('pino');
    expect(packages).not.toContain('kafkajs');
    expect(packages).not.toContain('grpc-health-check');
  });
});
