/**
 * Codemod (issue 13, idempotent): one test-support workspace, `@hospital/test-support`, with its
 * dependencies declared. The whole-system harness (router/test/e2e/system.ts and its department
 * starters) moves there, so web/test, test/fuzz and bench import it by package name instead of
 * reaching into the router's test folder. Run: `npx tsx scripts/codemods/test-support.ts`,
 * then `npm install` (links the new workspace).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { moveModules, type Move } from './move-modules.ts';

const ROOT = process.cwd();
const DIR = 'test-support';
const DEPARTMENTS = ['appointments', 'finance', 'identity', 'notifications', 'patients', 'pharmacy', 'ward'];

function writePackage(): void {
  const file = path.join(ROOT, DIR, 'package.json');
  if (existsSync(file)) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const dependencies: Record<string, string> = {
    '@hospital/db': '*',
    '@hospital/grpc-contracts': '*',
    '@hospital/router': '*',
    '@hospital/service-kit': '*',
    ...Object.fromEntries(
      DEPARTMENTS.flatMap((dept) => [
        [`@hospital/${dept}-service`, '*'],
        [`@hospital/${dept}-subgraph`, '*'],
      ]),
    ),
  };
  const pkg = {
    name: '@hospital/test-support',
    version: '0.1.0',
    private: true,
    description: 'Harnesses shared by the tests and benchmarks of several packages: the whole system in one process, free ports.',
    type: 'module',
    exports: { './*': './src/*.ts' },
    dependencies: Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b))),
  };
  writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
}

/** Adds the workspace to the root package.json and the folder to the root tsconfig. */
function registerWorkspace(): void {
  const pkgPath = path.join(ROOT, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { workspaces: string[] };
  if (!pkg.workspaces.includes(DIR)) {
    pkg.workspaces.push(DIR);
    writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');
  }
  const tsconfigPath = path.join(ROOT, 'tsconfig.json');
  const tsconfig = readFileSync(tsconfigPath, 'utf8');
  if (!tsconfig.includes(`"${DIR}/**/*.ts"`)) {
    writeFileSync(tsconfigPath, tsconfig.replace('"test/**/*.ts",', `"test/**/*.ts",\n    "${DIR}/**/*.ts",`));
  }
}

function systemMoves(): Move[] {
  const moves: Move[] = [{ from: 'router/test/e2e/system.ts', to: `${DIR}/src/system.ts` }];
  const departments = path.join(ROOT, 'router/test/e2e/departments');
  if (existsSync(departments)) {
    for (const name of readdirSync(departments).filter((file) => file.endsWith('.ts'))) {
      moves.push({ from: `router/test/e2e/departments/${name}`, to: `${DIR}/src/departments/${name}` });
    }
  }
  return moves;
}

/** The harness found the supergraph beside itself; from its new home it asks the router where it is. */
function fixSupergraphPath(): void {
  const file = path.join(ROOT, DIR, 'src/system.ts');
  const text = readFileSync(file, 'utf8');
  const next = text
    .replace(
      /const SUPERGRAPH = path\.resolve\(path\.dirname\(fileURLToPath\(import\.meta\.url\)\), '\.\.\/\.\.\/supergraph\.graphql'\);/,
      'const SUPERGRAPH = DEFAULT_SUPERGRAPH_PATH;',
    )
    .replace("from '@hospital/router';", (m) => m);
  if (next === text) return;
  let withImport = next.replace(/import \{ ([^}]*) \} from '@hospital\/router';/, (_m, names: string) => `import { DEFAULT_SUPERGRAPH_PATH, ${names} } from '@hospital/router';`);
  // path / fileURLToPath may now be unused.
  if (!/path\.(?!resolve\(path\.dirname)/.test(withImport.replace(/^import .*$/gm, ''))) withImport = withImport.replace("import path from 'node:path';\n", '');
  if (!/fileURLToPath\(/.test(withImport)) withImport = withImport.replace("import { fileURLToPath } from 'node:url';\n", '');
  writeFileSync(file, withImport);
}

/** The packages whose tests use the harness declare it (and the router entry they now import). */
function declareUsers(): void {
  const users: Array<[string, string[]]> = [
    ['package.json', ['@hospital/router', '@hospital/test-support']],
    ['router/package.json', ['@hospital/test-support']],
    ['web/package.json', ['@hospital/router', '@hospital/test-support']],
  ];
  for (const [file, names] of users) {
    const full = path.join(ROOT, file);
    const pkg = JSON.parse(readFileSync(full, 'utf8')) as { devDependencies?: Record<string, string> };
    const dev = { ...(pkg.devDependencies ?? {}) };
    for (const name of names) dev[name] ??= '*';
    pkg.devDependencies = Object.fromEntries(Object.entries(dev).sort(([a], [b]) => a.localeCompare(b)));
    writeFileSync(full, JSON.stringify(pkg, null, 2) + '\n');
  }
}

writePackage();
registerWorkspace();
declareUsers();
const changed = moveModules(ROOT, systemMoves());
if (existsSync(path.join(ROOT, DIR, 'src/system.ts'))) fixSupergraphPath();
console.log(`test-support: ${changed} files rewritten`);
