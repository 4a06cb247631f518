/**
 * Codemod (issue 13, idempotent): files outside a package that reach into its src/ by relative
 * path (`../../router/src/auth-policy.ts`) import its public entry instead (`@hospital/router`),
 * when every name they take is exported there. The router's entry gains the few names tests and
 * benchmarks need (listed below), so web/test, test/fuzz and bench stop importing its internals.
 * Run: `npx tsx scripts/codemods/package-entry-imports.ts`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { moduleChecker } from './module-exports.ts';

const ROOT = process.cwd();

/** Names the router's entry re-exports for its outside users (module → names). */
const ROUTER_EXTRA_EXPORTS: Record<string, string[]> = {
  './env.ts': ['DEFAULT_PERSISTED_MANIFEST_PATH', 'DEFAULT_SUPERGRAPH_PATH'],
  './persisted-operations.ts': ['loadManifest', 'loadPersistedOperations', 'type PersistedOperations'],
  './router-config.ts': ['DEFAULT_WS_LIMITS'],
  './format-error.ts': ['CLIENT_ERROR_CODES'],
  './operation-access.ts': ['collectTouchedFields', 'decideAccess'],
};

const PACKAGES = [{ dir: 'router', name: '@hospital/router', entry: 'router/src/index.ts' }];

function extendRouterEntry(): void {
  const file = path.join(ROOT, 'router/src/index.ts');
  let text = readFileSync(file, 'utf8');
  for (const [module, names] of Object.entries(ROUTER_EXTRA_EXPORTS)) {
    const source = path.join(ROOT, 'router/src', module);
    if (!existsSync(source)) continue;
    const body = readFileSync(source, 'utf8');
    const present = names.filter((name) => new RegExp(`export (?:const|function|async function|type|interface|class) ${name.replace('type ', '')}\\b`).test(body));
    const missing = present.filter((name) => !new RegExp(`\\b${name.replace('type ', '')}\\b`).test(text));
    if (missing.length > 0) text = text.trimEnd() + `\nexport { ${missing.join(', ')} } from '${module}';\n`;
  }
  writeFileSync(file, text);
}

function exportsOf(entry: string): Set<string> {
  const { program, checker } = moduleChecker([path.join(ROOT, entry)]);
  const symbol = checker.getSymbolAtLocation(program.getSourceFile(path.join(ROOT, entry))!);
  return new Set(symbol ? checker.getExportsOfModule(symbol).map((s) => s.name) : []);
}

function rewriteFile(file: string, pkg: (typeof PACKAGES)[number], names: Set<string>): boolean {
  const full = path.join(ROOT, file);
  const text = readFileSync(full, 'utf8');
  const source = ts.createSourceFile(full, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const spec = statement.moduleSpecifier.text;
    if (!spec.startsWith('.')) continue;
    const target = path.relative(ROOT, path.resolve(path.dirname(full), spec));
    if (!target.startsWith(`${pkg.dir}/src/`)) continue;
    const clause = statement.importClause;
    const bindings = clause?.namedBindings;
    if (!clause || clause.name || !bindings || !ts.isNamedImports(bindings)) continue;
    if (!bindings.elements.every((element) => names.has((element.propertyName ?? element.name).text))) continue;
    edits.push({ start: statement.moduleSpecifier.getStart(source), end: statement.moduleSpecifier.getEnd(), text: `'${pkg.name}'` });
  }
  if (edits.length === 0) return false;
  let out = text;
  for (const edit of edits.reverse()) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  writeFileSync(full, out);
  return true;
}

extendRouterEntry();
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((file) => file && existsSync(path.join(ROOT, file)));
let changed = 0;
for (const pkg of PACKAGES) {
  const names = exportsOf(pkg.entry);
  for (const file of files.filter((f) => !f.startsWith(`${pkg.dir}/`))) if (rewriteFile(file, pkg, names)) changed += 1;
}
console.log(`package-entry-imports: ${changed} files now import the router's entry`);
