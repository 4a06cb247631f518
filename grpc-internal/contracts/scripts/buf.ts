/**
 * The gRPC contracts' breaking-change check (issue 16): `buf lint` and `buf breaking` over
 * grpc-internal/proto against the released baseline image (grpc-internal/proto/baseline.image.json),
 * with the buf binary the `@bufbuild/buf` npm package ships, so it runs offline from a clean clone.
 * The release script and the test both call through here.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Repository root. */
export const REPO_ROOT = path.resolve(here, '../../..');
/** The buf module: every .proto under it, and buf.yaml. */
export const PROTO_ROOT = path.join(REPO_ROOT, 'grpc-internal/proto');
/** The released contract: a buf image (JSON, pretty-printed so a release reads as a diff). */
export const BASELINE = path.join(PROTO_ROOT, 'baseline.image.json');

const bufBin = path.join(path.dirname(createRequire(import.meta.url).resolve('@bufbuild/buf/package.json')), 'bin/buf');

/** What one buf run said. */
export interface BufResult {
  ok: boolean;
  /** One problem per line (`file:line:col:message`), empty when ok. */
  output: string;
}

/**
 * Runs buf in a module directory.
 * @param args - buf's arguments
 * @param cwd - the directory holding buf.yaml
 */
export function runBuf(args: readonly string[], cwd: string = PROTO_ROOT): BufResult {
  const run = spawnSync(bufBin, args, { cwd, encoding: 'utf8' });
  if (run.error) throw run.error;
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
}

/**
 * `buf lint` with buf.yaml's rules (STANDARD and COMMENTS, its exceptions listed there).
 * @param moduleDir - a copy of grpc-internal/proto, or the real one
 */
export function bufLint(moduleDir: string = PROTO_ROOT): BufResult {
  return runBuf(['lint'], moduleDir);
}

/**
 * `buf breaking` (FILE rules: wire, JSON and generated-code compatibility) of a module against an image.
 * @param moduleDir - a copy of grpc-internal/proto, or the real one
 * @param against - the image to compare with (the released baseline by default)
 */
export function bufBreaking(moduleDir: string = PROTO_ROOT, against: string = BASELINE): BufResult {
  return runBuf(['breaking', '--against', against], moduleDir);
}

/**
 * Builds the image of the protos as committed at a git ref (never the working tree, so edits in
 * progress are not released), pretty-printed.
 * @param ref - a commit, tag or branch (HEAD by default)
 */
export function buildImageAt(ref = 'HEAD'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'proto-release-'));
  try {
    const tar = path.join(dir, 'proto.tar');
    execFileSync('git', ['-C', REPO_ROOT, 'archive', '--format=tar', `--output=${tar}`, ref, 'grpc-internal/proto'], { stdio: 'inherit' });
    execFileSync('tar', ['-xf', tar, '-C', dir]);
    // buf.yaml is configuration, not contract: the current one applies (and stops buf looking upwards).
    const moduleDir = path.join(dir, 'grpc-internal/proto');
    copyFileSync(path.join(PROTO_ROOT, 'buf.yaml'), path.join(moduleDir, 'buf.yaml'));
    const image = path.join(dir, 'image.json');
    const built = runBuf(['build', '--exclude-source-info', '-o', image], moduleDir);
    if (!built.ok) throw new Error(`buf build failed at ${ref}:\n${built.output}`);
    return `${JSON.stringify(JSON.parse(readFileSync(image, 'utf8')), null, 2)}\n`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Writes the baseline from a git ref.
 * @param ref - the commit being released
 */
export function releaseBaseline(ref = 'HEAD'): void {
  writeFileSync(BASELINE, buildImageAt(ref));
}
