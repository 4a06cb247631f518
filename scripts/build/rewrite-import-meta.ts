/**
 * An esbuild plugin that keeps `import.meta.url` meaning "this source file" after bundling.
 * Every bundle sits at dist/ top level, so in repository file `a/b/c.ts` the expression becomes
 * `new URL("./a/b/c.js", import.meta.url).href`: the file's place in a dist/ that mirrors the
 * repository. Paths computed from it (../schema.graphql, ../../proto) then land on the assets
 * copied to the same relative places (layout.ts).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * @param root - repository root
 * @param skip - repository-relative files left as they are (the entry point, which means its own bundle)
 */
export function rewriteImportMetaUrl(root: string, skip: readonly string[]): Plugin {
  return {
    name: 'rewrite-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?tsx?$/ }, async (args) => {
        const relative = path.relative(root, args.path).split(path.sep).join('/');
        if (relative.startsWith('..') || relative.includes('node_modules/')) return undefined;
        const contents = await readFile(args.path, 'utf8');
        if (skip.includes(relative) || !contents.includes('import.meta.url')) return undefined;
        const mirrored = `./${relative.replace(/\.[cm]?tsx?$/, '.js')}`;
        return {
          contents: contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(mirrored)}, import.meta.url).href`),
          loader: args.path.endsWith('x') ? 'tsx' : 'ts',
        };
      });
    },
  };
}

/**
 * The package a bare specifier names: `@scope/name` or `name`, without a subpath.
 * @param specifier - e.g. `@opentelemetry/resources/build/src` or `pg`
 */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/**
 * The directory of the copy of a package that node would load from `fromDir`: the first
 * node_modules/<name> walking up (null when none is installed).
 */
export function installedPackageDir(fromDir: string, name: string): string | null {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

/**
 * An esbuild plugin that leaves third-party packages to node_modules at run time and bundles the
 * workspace's own (@hospital/*), whose package.json points at TypeScript sources.
 *
 * Every bundle runs from dist/ at the root, so an external import is resolved from the root's
 * node_modules there, whichever workspace wrote it. When a workspace has a copy of its own
 * (npm nests one when another package pins a different major at the root), the bundle would
 * silently load the root's copy; the build fails instead, naming the package to hoist (declare it
 * at the root with the workspace's range).
 * @param root - repository root (where dist/ resolves its packages)
 */
export function externalThirdParty(root?: string): Plugin {
  return {
    name: 'external-third-party',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('@hospital/') || path.isAbsolute(args.path)) return undefined;
        if (root && args.resolveDir && !args.resolveDir.includes(`${path.sep}node_modules${path.sep}`)) {
          const name = packageNameOf(args.path);
          const own = installedPackageDir(args.resolveDir, name);
          const atRoot = installedPackageDir(root, name);
          if (own && own !== atRoot) {
            return {
              errors: [
                {
                  text: `${name} resolves to ${path.relative(root, own)} from ${path.relative(root, args.importer)}, but dist/ would load ${atRoot ? path.relative(root, atRoot) : 'nothing'}: declare ${name} in the root package.json with the workspace's range so npm hoists that copy`,
                },
              ],
            };
          }
        }
        return { path: args.path, external: true };
      });
    },
  };
}
