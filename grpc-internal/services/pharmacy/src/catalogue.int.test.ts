/** The drug catalogue through the real service: creation, duplicate codes, search, lookups, roles. */
import { randomUUID } from 'node:crypto';
import { Metadata, status } from '@grpc/grpc-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkHealth } from '@hospital/service-kit/grpc';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { PHARMACY_SERVICE_NAME } from './service.ts';
import { expectGrpcError, harnessForFile, settleRace } from '@hospital/service-kit/testing';
import { startPharmacyHarness, uniqueCode } from './testing/pharmacy-harness.ts';

const h = harnessForFile(() => startPharmacyHarness(testDatabaseUrl()));

describe('CreateDrug', () => {
  it('stores a trimmed entry with an upper-case code and no stock', async () => {
    const code = uniqueCode('n02be');
    const drug = await h.createDrug({ code: ` ${code.toLowerCase()} `, name: ' Paracetamol ', form: 'DRUG_FORM_TABLET', strength: '500 mg' });
    expect(drug).toMatchObject({ code: code.toUpperCase(), name: 'Paracetamol', form: 'DRUG_FORM_TABLET', strength: '500 mg', stockOnHand: 0, lots: [] });
    expect(drug.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
  });

  it('refuses a code in use with ALREADY_EXISTS (CONFLICT), also when requests race', async () => {
    const code = uniqueCode();
    await h.createDrug({ code });
    await expectGrpcError(h.createDrug({ code: code.toLowerCase() }), status.ALREADY_EXISTS, { message: new RegExp(code) });
    const racing = uniqueCode();
    const { won, lostStatuses } = await settleRace(Array.from({ length: 6 }, () => h.createDrug({ code: racing })));
    expect(won).toHaveLength(1);
    expect(lostStatuses).toEqual(Array(5).fill('ALREADY_EXISTS'));
  });

  it('names the field at fault', async () => {
    await expectGrpcError(h.createDrug({ code: 'x' }), status.INVALID_ARGUMENT, { field: 'code' });
    await expectGrpcError(h.createDrug({ name: '  ' }), status.INVALID_ARGUMENT, { field: 'name' });
    await expectGrpcError(h.createDrug({ form: 'DRUG_FORM_UNSPECIFIED' }), status.INVALID_ARGUMENT, { field: 'form' });
    await expectGrpcError(h.createDrug({ strength: 'x'.repeat(61) }), status.INVALID_ARGUMENT, { field: 'strength' });
  });
});

describe('SearchDrugs and GetDrugs', () => {
  const stem = `Zq${randomUUID()
    .replace(/[^a-z]/g, '')
    .slice(0, 8)}`;
  const created: string[] = [];
  beforeAll(async () => {
    for (const suffix of ['cillin', 'profen', 'statin']) created.push((await h.createDrug({ name: `${stem}${suffix}` })).id);
  });

  it('finds by name prefix case-insensitively and pages with cursors', async () => {
    const reader = { metadata: h.as('doctor') };
    const first = await h.client.searchDrugs({ search: stem.toUpperCase(), page: { first: 2 } }, reader);
    expect(first.drugs.map((d) => d.name)).toEqual([`${stem}cillin`, `${stem}profen`]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, totalCount: 3 });
    const second = await h.client.searchDrugs({ search: stem, page: { first: 2, after: first.pageInfo!.endCursor } }, reader);
    expect(second.drugs.map((d) => d.name)).toEqual([`${stem}statin`]);
    expect(second.pageInfo?.hasNextPage).toBe(false);
  });

  it('finds by code prefix and treats LIKE wildcards literally', async () => {
    const [drug] = (await h.client.getDrugs({ ids: [created[0]!] }, { metadata: h.as('admin') })).drugs;
    const byCode = await h.client.searchDrugs({ search: drug!.code.slice(0, 10).toLowerCase() }, { metadata: h.as('pharmacist') });
    expect(byCode.drugs.map((d) => d.id)).toEqual([drug!.id]);
    const wildcard = await h.client.searchDrugs({ search: `${stem}%` }, { metadata: h.as('pharmacist') });
    expect(wildcard.pageInfo?.totalCount).toBe(0);
  });

  it('refuses a malformed cursor and a negative page size', async () => {
    const reader = { metadata: h.as('doctor') };
    await expectGrpcError(h.client.searchDrugs({ search: stem, page: { after: 'nope' } }, reader), status.INVALID_ARGUMENT, { field: 'after' });
    await expectGrpcError(h.client.searchDrugs({ search: stem, page: { first: -1 } }, reader), status.INVALID_ARGUMENT, { field: 'first' });
  });

  it('returns drugs by id in request order, leaving unknown ids out', async () => {
    const ids = [created[2]!, randomUUID(), created[0]!];
    const { drugs } = await h.client.getDrugs({ ids }, { metadata: h.as('ward_staff') });
    expect(drugs.map((d) => d.id)).toEqual([created[2], created[0]]);
    await expectGrpcError(h.client.getDrugs({ ids: ['x'] }, { metadata: h.as('doctor') }), status.INVALID_ARGUMENT, { field: 'ids' });
  });
});

describe('admissions and health', () => {
  it('lets only admins and pharmacists change the catalogue, and keeps finance out', async () => {
    for (const role of ['doctor', 'ward_staff', 'finance'] as const) {
      await expectGrpcError(h.client.createDrug({ code: uniqueCode(), name: 'X', form: 'DRUG_FORM_OTHER', strength: '1' }, { metadata: h.as(role) }), status.PERMISSION_DENIED);
    }
    await expect(h.client.createDrug({ code: uniqueCode(), name: 'X', form: 'DRUG_FORM_OTHER', strength: '1' }, { metadata: h.as('admin') })).resolves.toBeDefined();
    await expectGrpcError(h.client.searchDrugs({ search: '' }, { metadata: h.as('finance') }), status.PERMISSION_DENIED);
    await expectGrpcError(h.client.searchDrugs({ search: '' }, { metadata: h.as('ward_staff') }), status.PERMISSION_DENIED);
    await expectGrpcError(h.client.searchDrugs({ search: '' }, { metadata: new Metadata() }), status.UNAUTHENTICATED);
    await expectGrpcError(h.client.searchDrugs({ search: '' }, { metadata: h.as() }), status.UNAUTHENTICATED);
  });

  it('answers SERVING for the server and the service', async () => {
    await expect(checkHealth(h.target)).resolves.toBe('SERVING');
    await expect(checkHealth(h.target, PHARMACY_SERVICE_NAME)).resolves.toBe('SERVING');
  });
});
