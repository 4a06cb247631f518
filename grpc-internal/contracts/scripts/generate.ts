/**
 * Generates TypeScript types for every .proto under grpc-internal/proto into src/generated/, and
 * the barrel that re-exports them under short names (src/generated/type-barrel.ts). Runs on `npm install` (root postinstall → generate), so the output is never committed.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHORT_NAMES } from './short-names.ts';
import { writeTypeBarrel } from './type-barrel.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const protoRoot = path.resolve(here, '../../proto');
const outDir = path.resolve(here, '../src/generated');

function listProtos(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return listProtos(full);
    return name.endsWith('.proto') ? [path.relative(protoRoot, full)] : [];
  });
}

const require = createRequire(import.meta.url);
const bin = path.join(path.dirname(require.resolve('@grpc/proto-loader/package.json')), 'build/bin/proto-loader-gen-types.js');

rmSync(outDir, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [
    bin,
    '--longs=String',
    '--enums=String',
    '--defaults',
    '--oneofs',
    '--includeComments',
    '--grpcLib=@grpc/grpc-js',
    `--includeDirs=${protoRoot}`,
    `--outDir=${outDir}`,
    ...listProtos(protoRoot).filter((p) => !p.startsWith('health/')),
  ],
  { stdio: 'inherit', cwd: protoRoot },
);
writeTypeBarrel(outDir, SHORT_NAMES);
