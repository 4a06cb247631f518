/**
 * The gRPC contracts hold still (issue 16): the protos pass `buf lint` and have no breaking change
 * against the released baseline (grpc-internal/proto/baseline.image.json). The check is proven on
 * real breaking changes made in a temporary copy of the protos: a field number changed, a field
 * removed, a field's type changed, an RPC removed; an added field passes.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BASELINE, bufBreaking, bufLint, PROTO_ROOT } from './buf.ts';

describe('the gRPC contracts', () => {
  it('pass buf lint (STANDARD and COMMENTS, exceptions in buf.yaml)', () => {
    const lint = bufLint();
    expect(lint.output).toBe('');
    expect(lint.ok).toBe(true);
  });

  it('have no breaking change against the released baseline (npm run proto:release after a release)', () => {
    const breaking = bufBreaking();
    expect(breaking.output).toBe('');
    expect(breaking.ok).toBe(true);
  });
});

describe('the breaking-change check', () => {
  let copy: string | undefined;
  afterEach(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
    copy = undefined;
  });

  /** A copy of the protos with one file edited; fails the test when the edit matched nothing. */
  function changed(file: string, edit: (text: string) => string): string {
    copy = mkdtempSync(path.join(tmpdir(), 'proto-breaking-'));
    cpSync(PROTO_ROOT, copy, { recursive: true });
    const target = path.join(copy, file);
    const before = readFileSync(target, 'utf8');
    const after = edit(before);
    expect(after).not.toBe(before);
    writeFileSync(target, after);
    return copy;
  }

  const common = 'hospital/common/v1/common.proto';
  const paging = 'hospital/common/v1/paging.proto';
  const patients = 'hospital/patients/v1/patients.proto';
  it.each([
    ['a field number changed', paging, (s: string) => s.replace('string after = 2;', 'string after = 3;'), /field "2" with name "after" on message "PageRequest" was deleted/],
    [
      'a field removed',
      paging,
      (s: string) => s.replace(/\n\s*\/\/ Opaque cursor[^\n]*\n\s*string after = 2;/, ''),
      /field "2" with name "after" on message "PageRequest" was deleted/,
    ],
    ['a field type changed', common, (s: string) => s.replace('int64 amount_minor = 1;', 'int32 amount_minor = 1;'), /changed type from "int64" to "int32"/],
    ['an RPC removed', patients, (s: string) => s.replace(/\n\s*rpc SearchPatients\([^\n]*\n/, '\n'), /RPC "SearchPatients" on service "PatientsService" was deleted/],
  ])('fails on %s', (_name, file, edit, message) => {
    const result = bufBreaking(changed(file, edit), BASELINE);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(message);
  });

  it('lets an added field through', () => {
    const result = bufBreaking(
      changed(paging, (s) => s.replace('string after = 2;', 'string after = 2;\n  // New.\n  string before = 3;')),
      BASELINE,
    );
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('lint fails on a message without a comment', () => {
    const result = bufLint(changed(common, (s) => s.replace('// Money as integer minor units (cents) with an ISO 4217 code; never floating point.\n', '')));
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/Message "Money" should have a non-empty comment/);
  });
});
