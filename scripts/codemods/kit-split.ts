/**
 * Codemod (issue 13, idempotent): splits the service kit's one barrel into what it is.
 *   `@hospital/service-kit`       transport-neutral: errors, validation, env, logger, metrics, identity, audit…
 *   `@hospital/service-kit/grpc`  the gRPC server, unary wrapper, metadata, call shedding, health client, gRPC meters
 *   `@hospital/service-kit/kafka` the event bus and its kafkajs implementation (events/)
 * so a process that only needs the neutral part (the web server) loads neither kafkajs nor the gRPC server.
 * No file moves: the barrels are rewritten, then every import of a moved name is pointed at its subpath.
 * Run: `npx tsx scripts/codemods/kit-split.ts` (from the repository root; re-running changes nothing).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { moduleChecker } from './module-exports.ts';

const ROOT = process.cwd();
const KIT = path.join(ROOT, 'service-kit');
const SRC = path.join(KIT, 'src');
const PACKAGE = '@hospital/service-kit';
/** Neutral-barrel lines that belong to the gRPC part. */
const GRPC_FILES = /'\.\/(grpc-server|call-shedding|grpc-handler|grpc-metadata|health-client)\.ts'/;
const KAFKA_FILES = /'\.\/events\//;

const HEADERS = {
  grpc: `/** @hospital/service-kit/grpc: the gRPC side of the kit (server, unary wrapper, metadata, call shedding, health client, gRPC meters). */\n`,
  kafka: `/** @hospital/service-kit/kafka: the one event-bus interface and its kafkajs implementation; only event producers and consumers load it. */\n`,
};

/** Moves the gRPC and Kafka lines out of index.ts (and the gRPC meters out of metrics/index.ts). */
function splitBarrels(): void {
  const indexPath = path.join(SRC, 'index.ts');
  const lines = readFileSync(indexPath, 'utf8').split('\n');
  const grpc = lines.filter((line) => line.startsWith('export') && GRPC_FILES.test(line));
  const kafka = lines.filter((line) => line.startsWith('export') && KAFKA_FILES.test(line)).map((line) => line.replace("'./events/", "'./events/"));
  const kept = lines.filter((line) => !grpc.includes(line) && !kafka.includes(line));
  kept[0] = kept[0]!.replace(/\(errors, identity, logging, env, gRPC server\)/, '(transport-neutral; gRPC in ./grpc, Kafka in ./kafka)');
  writeFileSync(indexPath, kept.join('\n'));

  const metricsPath = path.join(SRC, 'metrics/index.ts');
  const metricsLines = readFileSync(metricsPath, 'utf8').split('\n');
  const grpcMeters = metricsLines.filter((line) => line.startsWith('export') && line.includes("'./grpc-metrics.ts'"));
  writeFileSync(metricsPath, metricsLines.filter((line) => !grpcMeters.includes(line)).join('\n'));
  grpc.push(...grpcMeters.map((line) => line.replace("'./grpc-metrics.ts'", "'./metrics/grpc-metrics.ts'")));

  for (const [name, moved] of [
    ['grpc', grpc],
    ['kafka', kafka],
  ] as const) {
    const file = path.join(SRC, `${name}.ts`);
    const existing = existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => line.startsWith('export'))
      : [];
    const all = [...new Set([...existing, ...moved])];
    writeFileSync(file, HEADERS[name] + all.join('\n') + '\n');
  }

  const pkgPath = path.join(KIT, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports: Record<string, string> };
  pkg.exports = { '.': './src/index.ts', './grpc': './src/grpc.ts', './kafka': './src/kafka.ts', ...pkg.exports };
  writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');
}

/** Every exported name of each barrel, through the type checker (so `export *` chains are followed). */
function exportedNames(): Map<string, string> {
  const barrels = { [PACKAGE]: 'index.ts', [`${PACKAGE}/grpc`]: 'grpc.ts', [`${PACKAGE}/kafka`]: 'kafka.ts' };
  const files = Object.values(barrels).map((file) => path.join(SRC, file));
  const { program, checker } = moduleChecker(files);
  const owner = new Map<string, string>();
  for (const [specifier, file] of Object.entries(barrels)) {
    const source = program.getSourceFile(path.join(SRC, file))!;
    const symbol = checker.getSymbolAtLocation(source);
    for (const exported of symbol ? checker.getExportsOfModule(symbol) : []) owner.set(exported.name, specifier);
  }
  return owner;
}

/** Rewrites one file's imports and re-exports of the kit; returns the new text or undefined when unchanged. */
function rewrite(text: string, fileName: string, owner: Map<string, string>): string | undefined {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const statement of source.statements) {
    const isImport = ts.isImportDeclaration(statement);
    if (!isImport && !ts.isExportDeclaration(statement)) continue;
    const specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier) || specifier.text !== PACKAGE) continue;
    const named = isImport ? statement.importClause?.namedBindings : statement.exportClause;
    if (!named || !(ts.isNamedImports(named) || ts.isNamedExports(named))) continue;
    if (isImport && statement.importClause?.name) continue;
    const groups = new Map<string, string[]>();
    for (const element of named.elements) {
      const imported = (element.propertyName ?? element.name).text;
      const target = owner.get(imported) ?? PACKAGE;
      groups.set(target, [...(groups.get(target) ?? []), element.getText(source)]);
    }
    if (groups.size === 1 && groups.has(PACKAGE)) continue;
    const keyword = isImport ? 'import' : 'export';
    const typeOnly = isImport ? statement.importClause?.isTypeOnly : statement.isTypeOnly;
    const order = [PACKAGE, `${PACKAGE}/grpc`, `${PACKAGE}/kafka`].filter((target) => groups.has(target));
    const replacement = order.map((target) => `${keyword} ${typeOnly ? 'type ' : ''}{ ${groups.get(target)!.join(', ')} } from '${target}';`).join('\n');
    edits.push({ start: statement.getStart(source), end: statement.getEnd(), text: replacement });
  }
  if (edits.length === 0) return undefined;
  let out = text;
  for (const edit of edits.reverse()) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

function sourceFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx'], { cwd: ROOT, encoding: 'utf8' });
  return listed.split('\n').filter((file) => file && !file.startsWith('service-kit/src/') && existsSync(path.join(ROOT, file)));
}

splitBarrels();
const owner = exportedNames();
let changed = 0;
for (const file of sourceFiles()) {
  const full = path.join(ROOT, file);
  const text = readFileSync(full, 'utf8');
  if (!text.includes(`'${PACKAGE}'`)) continue;
  const next = rewrite(text, full, owner);
  if (next !== undefined && next !== text) {
    writeFileSync(full, next);
    changed += 1;
  }
}
console.log(`kit-split: ${owner.size} names (${[...owner.values()].filter((v) => v !== PACKAGE).length} moved to /grpc or /kafka), ${changed} files rewritten`);
