import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PERSISTED_MANIFEST_PATH } from './env.ts';
import {
  loadManifest,
  loadPersistedOperations,
  ManifestError,
  parseManifest,
  persistedOperationNamed,
  resolvePersistedOperation,
  sha256,
  withResolvedQuery,
  type PersistedOperations,
} from './persisted-operations.ts';

const ME = 'query Me { __typename me { __typename id } }';
const ME_HASH = sha256(ME);
const manifest = new Map([[ME_HASH, ME]]);
const policy = (mode: PersistedOperations['mode']): PersistedOperations => ({ mode, manifest });
const byHash = (hash: unknown) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
const UNKNOWN = 'f'.repeat(64);

describe('parseManifest', () => {
  it('reads hash → document and checks every hash against its document', () => {
    expect(parseManifest(JSON.stringify({ [ME_HASH]: ME }))).toEqual(manifest);
    expect(() => parseManifest(JSON.stringify({ [UNKNOWN]: ME }))).toThrow(/not the SHA-256/);
    expect(() => parseManifest(JSON.stringify({ abc: ME }))).toThrow(/not a SHA-256 hex digest/);
    expect(() => parseManifest(JSON.stringify({ [ME_HASH]: 42 }))).toThrow(/document string/);
    expect(() => parseManifest('[]')).toThrow(ManifestError);
    expect(() => parseManifest('{')).toThrow(/not JSON/);
    const broken = 'query {';
    expect(() => parseManifest(JSON.stringify({ [sha256(broken)]: broken }))).toThrow(/does not parse/);
  });

  it('loads the web app manifest that codegen writes, and names a missing file', () => {
    const web = loadManifest(DEFAULT_PERSISTED_MANIFEST_PATH);
    expect(web.size).toBeGreaterThan(10);
    expect(persistedOperationNamed(web, 'DoctorSearchPatients')).toMatchObject({ operation: 'query' });
    expect(() => loadManifest('/nonexistent/manifest.json')).toThrow(/cannot read the persisted-operation manifest/);
  });

  it('reads no file in mode off', () => {
    expect(loadPersistedOperations({ mode: 'off', manifestPath: '/nonexistent.json' }).manifest.size).toBe(0);
    const dir = mkdtempSync(path.join(tmpdir(), 'manifest-'));
    writeFileSync(path.join(dir, 'm.json'), JSON.stringify({ [ME_HASH]: ME }));
    expect(loadPersistedOperations({ mode: 'allow', manifestPath: path.join(dir, 'm.json') }).manifest.get(ME_HASH)).toBe(ME);
  });
});

describe('persistedOperationNamed', () => {
  it('finds the entry whose document declares the operation, by name only', () => {
    expect(persistedOperationNamed(manifest, 'Me')).toEqual({ hash: ME_HASH, document: ME, operation: 'query' });
    expect(persistedOperationNamed(manifest, 'M')).toBeUndefined();
    expect(persistedOperationNamed(manifest, 'me')).toBeUndefined();
  });
});

describe('resolvePersistedOperation', () => {
  it.each(['allow', 'enforce-browser'] as const)('%s: a known hash resolves to its document, from a browser or not', (mode) => {
    for (const fromBrowser of [true, false]) {
      expect(resolvePersistedOperation(policy(mode), byHash(ME_HASH), fromBrowser)).toEqual({ ok: true, query: ME, persisted: true });
      // graphql-ws requires a query string: an empty one counts as none.
      expect(resolvePersistedOperation(policy(mode), { query: '', ...byHash(ME_HASH) }, fromBrowser)).toMatchObject({ ok: true, query: ME });
    }
  });

  it.each(['allow', 'enforce-browser'] as const)('%s: an unknown or malformed hash is PERSISTED_QUERY_NOT_FOUND', (mode) => {
    for (const hash of [UNKNOWN, 'not-a-hash', 7, undefined]) {
      expect(resolvePersistedOperation(policy(mode), byHash(hash), false)).toMatchObject({ ok: false, code: 'PERSISTED_QUERY_NOT_FOUND' });
    }
    expect(resolvePersistedOperation(policy(mode), { extensions: { persistedQuery: 'x' } }, true)).toMatchObject({ ok: false, code: 'PERSISTED_QUERY_NOT_FOUND' });
  });

  it('enforce-browser: free-form text is refused from a browser and accepted server-to-server', () => {
    const text = { query: '{ me { id } }' };
    expect(resolvePersistedOperation(policy('enforce-browser'), text, true)).toMatchObject({ ok: false, code: 'PERSISTED_OPERATION_REQUIRED' });
    expect(resolvePersistedOperation(policy('enforce-browser'), text, false)).toEqual({ ok: true, query: text.query, persisted: false });
    expect(resolvePersistedOperation(policy('allow'), text, true)).toEqual({ ok: true, query: text.query, persisted: false });
    // A request with neither text nor hash is not "safelisted" either.
    expect(resolvePersistedOperation(policy('enforce-browser'), {}, true)).toMatchObject({ ok: false, code: 'PERSISTED_OPERATION_REQUIRED' });
  });

  it('text sent with a hash is safelisted only when it is exactly the safelisted document', () => {
    expect(resolvePersistedOperation(policy('enforce-browser'), { query: ME, ...byHash(ME_HASH) }, true)).toEqual({ ok: true, query: ME, persisted: true });
    const other = { query: '{ users { edges { node { email } } } }', ...byHash(ME_HASH) };
    expect(resolvePersistedOperation(policy('enforce-browser'), other, true)).toMatchObject({ ok: false, code: 'PERSISTED_OPERATION_REQUIRED' });
    expect(resolvePersistedOperation(policy('enforce-browser'), other, false)).toEqual({ ok: true, query: other.query, persisted: false });
  });

  it('off: hashes are not supported, text runs', () => {
    expect(resolvePersistedOperation(policy('off'), byHash(ME_HASH), true)).toMatchObject({ ok: false, code: 'PERSISTED_QUERY_NOT_SUPPORTED' });
    expect(resolvePersistedOperation(policy('off'), { query: ME }, true)).toEqual({ ok: true, query: ME, persisted: false });
  });
});

describe('withResolvedQuery', () => {
  it('sets the text and drops only the persistedQuery extension', () => {
    const request = { operationName: 'Me', query: '', extensions: { persistedQuery: { version: 1, sha256Hash: ME_HASH }, other: 1 } };
    expect(withResolvedQuery(request, ME)).toEqual({ operationName: 'Me', query: ME, extensions: { other: 1 } });
  });

  it('leaves a free-form request as sent, malformed parts included (Apollo Server judges them)', () => {
    expect(withResolvedQuery({ query: 42 }, undefined)).toStrictEqual({ query: 42 });
    expect(withResolvedQuery({ query: 'x', extensions: 'y' }, undefined)).toStrictEqual({ query: 'x', extensions: 'y' });
    expect(withResolvedQuery({ extensions: { persistedQuery: {} } }, undefined)).toStrictEqual({ extensions: {} });
  });
});
