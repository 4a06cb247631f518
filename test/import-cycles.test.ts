/**
 * No import cycles inside a subgraph's `src`, type-only imports included: shared types (config,
 * `ResolverDeps`) live in leaf modules that `index.ts`, `env.ts` and the resolvers import, never
 * in the barrel that imports them back. TypeScript's own scanner lists each file's specifiers
 * (comments skipped, `import type` and `export … from` counted); no new dependency.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const subgraphsDir = fileURLToPath(new URL('../subgraphs/', import.meta.url));
const subgraphs = readdirSync(subgraphsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(subgraphsDir, entry.name, 'src')))
  .map((entry) => entry.name);

/**
 * Every `.ts` file under a folder (node_modules left out).
 * @param dir - the folder
 */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.parentPath.includes('node_modules'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The import graph of one folder: file → the files of that folder it imports by relative specifier.
 * @param dir - the folder (a subgraph's `src`)
 */
function importGraph(dir: string): Map<string, string[]> {
  const files = new Set(tsFiles(dir));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((ref) => ref.fileName)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => resolve(dirname(file), specifier))
      .flatMap((target) => [target, `${target}.ts`, target.replace(/\.js$/, '.ts'), join(target, 'index.ts')].filter((c) => files.has(c)).slice(0, 1));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/**
 * The cycles of a graph, one per strongly connected component of more than one file (or a file
 * importing itself), each as sorted paths relative to `root` (Tarjan's algorithm).
 * @param graph - file → imported files
 * @param root - the folder paths are shown relative to
 */
function cyclesOf(graph: Map<string, string[]>, root: string): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)!.includes(file)) cycles.push(component.map((f) => relative(root, f)).sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

describe('import cycles in subgraphs/*/src', () => {
  it('finds the subgraphs and the kit', () => expect(subgraphs).toEqual(expect.arrayContaining(['kit', 'pharmacy', 'ward'])));

  it.each(subgraphs)('%s has none (type-only imports counted)', (subgraph) => {
    const src = join(subgraphsDir, subgraph, 'src');
    expect(cyclesOf(importGraph(src), src)).toEqual([]);
  });

  it('the walker sees a type-only cycle, a multi-line import and ignores commented-out ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-cycles-'));
    try {
      writeFileSync(join(dir, 'index.ts'), "export { load } from './env.ts';\nexport interface Config { port: number }\n");
      writeFileSync(join(dir, 'env.ts'), "import type {\n  Config,\n} from './index.ts';\nexport const load = (): Config => ({ port: 0 });\n");
      writeFileSync(join(dir, 'leaf.ts'), "// import { load } from './env.ts';\n/* import './index.ts'; */\nexport const leaf = 1;\n");
      writeFileSync(join(dir, 'user.ts'), "import { leaf } from './leaf.ts';\nexport const user = leaf;\n");
      expect(cyclesOf(importGraph(dir), dir)).toEqual([['env.ts', 'index.ts']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
