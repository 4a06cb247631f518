/**
 * Codemod (issue 13, idempotent): one `freePort`, in the service kit (`@hospital/service-kit`,
 * runtime-safe: the launcher and the local k8s run use it too). Deletes the private copies, points
 * their callers and the importers of the launcher's copy at the kit.
 * Run: `npx tsx scripts/codemods/free-port.ts`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = process.cwd();
const KIT = '@hospital/service-kit';
/** A whole top-level `function freePort(...)` (with its TSDoc), up to its closing brace at column 0. */
const COPY = /(?:\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n)?(?:export )?(?:async )?function freePort\(\): Promise<number> \{\n[\s\S]*?\n\}\n\n?/;
const IMPORT_LOCAL = /import \{ freePort \} from '(?:\.\.\/launcher|\.)\/readiness\.ts';/;

function addKitImport(text: string): string {
  if (/import \{[^}]*\bfreePort\b[^}]*\} from '@hospital\/service-kit';/.test(text)) return text;
  const kitImport = /import \{ ([^}]*) \} from '@hospital\/service-kit';/;
  if (kitImport.test(text)) return text.replace(kitImport, (_m, names: string) => `import { ${names}, freePort } from '${KIT}';`);
  // After the last import statement.
  const lines = text.split('\n');
  let last = -1;
  lines.forEach((line, index) => {
    if (/^import .* from '[^']+';$/.test(line) || /^\} from '[^']+';$/.test(line)) last = index;
  });
  lines.splice(last + 1, 0, `import { freePort } from '${KIT}';`);
  return lines.join('\n');
}

/** Drops now-unused `net` imports the copies needed. */
function dropUnusedNet(text: string): string {
  let out = text;
  const named = /import \{ ([^}]*) \} from 'node:net';\n/.exec(out);
  if (named) {
    const kept = named[1]!
      .split(',')
      .map((s) => s.trim())
      .filter((name) => {
        const local = name
          .replace(/^type /, '')
          .split(' as ')
          .pop()!;
        return new RegExp(`\\b${local}\\b`).test(out.replace(named[0], ''));
      });
    out = out.replace(named[0], kept.length ? `import { ${kept.join(', ')} } from 'node:net';\n` : '');
  }
  const star = /import (?:\* as )?net from 'node:net';\n/.exec(out);
  if (star && !/\bnet\./.test(out.replace(star[0], ''))) out = out.replace(star[0], '');
  return out;
}

const kitIndex = path.join(ROOT, 'service-kit/src/index.ts');
const kitText = readFileSync(kitIndex, 'utf8');
if (!kitText.includes("'./free-port.ts'")) writeFileSync(kitIndex, kitText.trimEnd() + "\nexport * from './free-port.ts';\n");

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((file) => file && existsSync(path.join(ROOT, file)) && !file.startsWith('service-kit/'));
let changed = 0;
for (const file of files) {
  const full = path.join(ROOT, file);
  const text = readFileSync(full, 'utf8');
  if (!text.includes('freePort')) continue;
  let next = text;
  if (COPY.test(next)) {
    next = next.replace(COPY, '');
    // The launcher's copy was exported for others; the file itself may not call it.
    if (/\bfreePort\(/.test(next)) next = addKitImport(next);
    next = dropUnusedNet(next);
  }
  if (IMPORT_LOCAL.test(next)) next = next.replace(IMPORT_LOCAL, `import { freePort } from '${KIT}';`);
  if (next !== text) {
    writeFileSync(full, next);
    changed += 1;
  }
}
console.log(`free-port: ${changed} files now use the kit's freePort`);
