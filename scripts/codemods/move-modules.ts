/**
 * Codemod helper (issue 13): moves TypeScript modules with `git mv` and rewrites every import of
 * them, and the moved files' own relative imports. An import from outside the destination package
 * becomes the package specifier (`@hospital/test-support/system`); one inside it stays relative.
 * A relative import that lands on another package's entry point becomes that package's name.
 * Idempotent: moves whose source is gone and target exists are skipped.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One move: a file (repo-relative) to its new path inside a package folder. */
export interface Move {
  from: string;
  to: string;
}

/** A workspace package: its folder, its name and its export map ('.' → './src/index.ts'). */
interface PackageInfo {
  dir: string;
  name: string;
  exports: Record<string, string>;
}

const IMPORT = /((?:import|export)\s[^'";]*?\sfrom\s|import\s*\(\s*|import\s|\/\/\/\s*<reference\s+path=)(['"])([^'"]+)\2/g;

function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8' });
}

function packages(root: string): PackageInfo[] {
  const listed = git(root, 'ls-files', '--cached', '--others', '--exclude-standard', '*package.json').split('\n');
  return listed
    .filter((file) => file && !file.includes('node_modules') && existsSync(path.join(root, file)))
    .map((file) => {
      const json = JSON.parse(readFileSync(path.join(root, file), 'utf8')) as { name?: string; exports?: Record<string, string> | string };
      const exports = typeof json.exports === 'string' ? { '.': json.exports } : (json.exports ?? {});
      return { dir: path.dirname(file), name: json.name ?? '', exports };
    })
    .filter((info) => info.name.startsWith('@hospital/'));
}

function packageOf(all: PackageInfo[], file: string): PackageInfo | undefined {
  return all.filter((info) => info.dir !== '.' && file.startsWith(info.dir + '/')).sort((a, b) => b.dir.length - a.dir.length)[0];
}

/** The bare specifier an outside file uses for `file` (exact export entries first, then `./*` wildcards). */
function bareSpecifier(info: PackageInfo, file: string): string | undefined {
  const relative = './' + path.relative(info.dir, file);
  for (const [key, target] of Object.entries(info.exports)) {
    if (target === relative) return key === '.' ? info.name : info.name + key.slice(1);
    if (key.includes('*') && target.includes('*')) {
      const [prefix, suffix] = target.split('*') as [string, string];
      if (relative.startsWith(prefix) && relative.endsWith(suffix)) {
        const middle = relative.slice(prefix.length, relative.length - suffix.length);
        return info.name + key.slice(1).replace('*', middle);
      }
    }
  }
  return undefined;
}

function relativeSpecifier(fromFile: string, toFile: string): string {
  const spec = path.relative(path.dirname(fromFile), toFile);
  return spec.startsWith('.') ? spec : './' + spec;
}

/**
 * Applies the moves and rewrites imports across the tracked and untracked TypeScript files.
 * @param root - repository root
 * @param moves - files to move
 */
export function moveModules(root: string, moves: Move[]): number {
  const pending = moves.filter((move) => existsSync(path.join(root, move.from)));
  const movedTo = new Map(moves.map((move) => [move.from, move.to]));
  for (const move of pending) {
    mkdirSync(path.dirname(path.join(root, move.to)), { recursive: true });
    git(root, 'mv', move.from, move.to);
  }
  const all = packages(root);
  const files = git(root, 'ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx', '*.d.ts')
    .split('\n')
    .filter((file) => file && existsSync(path.join(root, file)));
  const originOf = new Map(pending.map((move) => [move.to, move.from]));
  let changed = 0;
  for (const file of files) {
    const text = readFileSync(path.join(root, file), 'utf8');
    // A moved file's relative imports are resolved from where it used to be.
    const origin = originOf.get(file) ?? file;
    const next = text.replace(IMPORT, (whole, head: string, quote: string, spec: string) => {
      if (!spec.startsWith('.')) return whole;
      const target = path.normalize(path.join(path.dirname(origin), spec));
      const resolved = movedTo.get(target) ?? target;
      if (resolved === target && origin === file) return whole;
      const here = packageOf(all, file);
      const there = packageOf(all, resolved);
      let out = relativeSpecifier(file, resolved);
      if (there && there.dir !== here?.dir && !head.startsWith('///')) out = bareSpecifier(there, resolved) ?? out;
      return `${head}${quote}${out}${quote}`;
    });
    if (next !== text) {
      writeFileSync(path.join(root, file), next);
      changed += 1;
    }
  }
  return changed;
}
