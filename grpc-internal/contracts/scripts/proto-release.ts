/**
 * Releases the gRPC contracts: writes grpc-internal/proto/baseline.image.json, the image
 * `buf breaking` compares against, from the protos as committed (HEAD, or a ref given), after
 * checking they lint. Commit the baseline with the proto change that made a release necessary.
 *   npm run proto:release              baseline from HEAD
 *   npm run proto:release -- <ref>     baseline from another commit or tag
 */
import { execFileSync } from 'node:child_process';
import { bufLint, PROTO_ROOT, releaseBaseline } from './buf.ts';

const ref = process.argv.slice(2).find((arg) => !arg.startsWith('-')) ?? 'HEAD';
const lint = bufLint();
if (!lint.ok) {
  console.error(`buf lint fails; fix the protos before releasing:\n${lint.output}`);
  process.exit(1);
}
const pending = execFileSync('git', ['status', '--porcelain', '--', '*.proto'], { cwd: PROTO_ROOT, encoding: 'utf8' }).trimEnd();
if (pending) console.warn(`Not released (uncommitted, so left out of the baseline):\n${pending}`);
releaseBaseline(ref);
console.log(`Wrote grpc-internal/proto/baseline.image.json from ${ref}.`);
