/** Lots, receipts, adjustments, the ledger and the stock reports through the real service. */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { afterEach, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { expectGrpcError, harnessForFile, settleRace } from '@hospital/service-kit/testing';
import { daysFromNow, startPharmacyHarness } from './testing/pharmacy-harness.ts';

const h = harnessForFile(() => startPharmacyHarness(testDatabaseUrl()));
afterEach(() => h.setNow(undefined));

const getDrug = async (id: string) => (await h.client.getDrugs({ ids: [id] }, { metadata: h.as('pharmacist') })).drugs[0]!;

describe('ReceiveStock', () => {
  it('creates a lot, tops it up when the expiry matches, and refuses a different expiry', async () => {
    const drug = await h.createDrug();
    const expiresOn = daysFromNow(200);
    const lot = await h.receive(drug.id, ' ab-12/3 ', 40, expiresOn);
    expect(lot).toMatchObject({ drugId: drug.id, lotNumber: 'AB-12/3', quantity: 40, expiresOn, expired: false });
    const topped = await h.receive(drug.id, 'AB-12/3', 10, expiresOn);
    expect(topped).toMatchObject({ id: lot.id, quantity: 50 });
    await expectGrpcError(h.receive(drug.id, 'ab-12/3', 5, daysFromNow(300)), status.INVALID_ARGUMENT, { field: 'expiresOn', message: new RegExp(expiresOn) });
    expect((await getDrug(drug.id)).stockOnHand).toBe(50);
  });

  it('adds concurrent receipts into one lot without losing any', async () => {
    const drug = await h.createDrug();
    const expiresOn = daysFromNow(90);
    await Promise.all(Array.from({ length: 8 }, () => h.receive(drug.id, 'RACE-1', 5, expiresOn)));
    expect((await getDrug(drug.id)).lots).toMatchObject([{ lotNumber: 'RACE-1', quantity: 40 }]);
  });

  it('refuses expired stock, unknown drugs and bad quantities', async () => {
    const drug = await h.createDrug();
    await expectGrpcError(h.receive(drug.id, 'OLD-1', 5, daysFromNow(-1)), status.INVALID_ARGUMENT, { field: 'expiresOn', message: /expired/ });
    await expectGrpcError(h.receive(randomUUID(), 'L-1', 5, daysFromNow(30)), status.NOT_FOUND);
    await expectGrpcError(h.receive(drug.id, 'L-1', 0, daysFromNow(30)), status.INVALID_ARGUMENT, { field: 'quantity' });
    await expectGrpcError(h.receive(drug.id, 'L-1', 5, '2027-02-29'), status.INVALID_ARGUMENT, { field: 'expiresOn' });
    await expectGrpcError(h.receive(drug.id, '  ', 5, daysFromNow(30)), status.INVALID_ARGUMENT, { field: 'lotNumber' });
    await expectGrpcError(
      h.client.receiveStock({ drugId: drug.id, lotNumber: 'L', quantity: 1, expiresOn: daysFromNow(9) }, { metadata: h.as('doctor') }),
      status.PERMISSION_DENIED,
    );
  });
});

describe('AdjustStock', () => {
  it('corrects up and down with a reason, never below zero (CONFLICT), and records who and why', async () => {
    const drug = await h.createDrug();
    const lot = await h.receive(drug.id, 'ADJ-1', 10, daysFromNow(60));
    const pharmacist = randomUUID();
    const down = await h.client.adjustStock({ lotId: lot.id, delta: -4, reason: 'Broken bottle' }, { metadata: h.as('pharmacist', pharmacist) });
    expect(down.quantity).toBe(6);
    await expectGrpcError(h.client.adjustStock({ lotId: lot.id, delta: -7, reason: 'Count' }, { metadata: h.as('pharmacist') }), status.ALREADY_EXISTS, { message: /holds 6/ });
    await expectGrpcError(h.client.adjustStock({ lotId: lot.id, delta: 2, reason: '  ' }, { metadata: h.as('pharmacist') }), status.INVALID_ARGUMENT, { field: 'reason' });
    await expectGrpcError(h.client.adjustStock({ lotId: lot.id, delta: 0, reason: 'x' }, { metadata: h.as('pharmacist') }), status.INVALID_ARGUMENT, { field: 'delta' });
    await expectGrpcError(h.client.adjustStock({ lotId: randomUUID(), delta: 1, reason: 'x' }, { metadata: h.as('admin') }), status.NOT_FOUND);

    const { movements } = await h.client.listStockMovements({ drugId: drug.id, first: 10 }, { metadata: h.as('admin') });
    expect(movements.map((m) => [m.kind, m.delta, m.quantityAfter, m.reason])).toEqual([
      ['STOCK_MOVEMENT_KIND_ADJUST', -4, 6, 'Broken bottle'],
      ['STOCK_MOVEMENT_KIND_RECEIVE', 10, 10, ''],
    ]);
    expect(movements[0]).toMatchObject({ actorId: pharmacist, lotNumber: 'ADJ-1', lotId: lot.id });
  });

  it('lets exactly as many concurrent decrements through as there is stock', async () => {
    const drug = await h.createDrug();
    const lot = await h.receive(drug.id, 'ADJ-RACE', 5, daysFromNow(60));
    const { won, lostStatuses } = await settleRace(
      Array.from({ length: 10 }, () => h.client.adjustStock({ lotId: lot.id, delta: -1, reason: 'Stock count' }, { metadata: h.as('pharmacist') })),
    );
    expect(won).toHaveLength(5);
    expect(lostStatuses).toEqual(Array(5).fill('ALREADY_EXISTS'));
    expect((await getDrug(drug.id)).stockOnHand).toBe(0);
  });
});

describe('reports', () => {
  it('counts only unexpired stock on hand and in lowStock', async () => {
    const drug = await h.createDrug();
    await h.receive(drug.id, 'SOON', 30, daysFromNow(2));
    await h.receive(drug.id, 'LATER', 5, daysFromNow(100));
    expect((await getDrug(drug.id)).stockOnHand).toBe(35);
    const low = async (threshold: number) => (await h.client.listLowStock({ threshold }, { metadata: h.as('doctor') })).drugs.find((d) => d.id === drug.id);
    expect(await low(35)).toBeUndefined();
    expect(await low(36)).toMatchObject({ stockOnHand: 35 });

    // Five days on, the first lot has expired: it no longer counts, but is still listed, flagged.
    h.setNow(new Date(Date.now() + 5 * 86_400_000));
    const later = await getDrug(drug.id);
    expect(later.stockOnHand).toBe(5);
    expect(later.lots.map((l) => [l.lotNumber, l.expired])).toEqual([
      ['SOON', true],
      ['LATER', false],
    ]);
    expect(await low(6)).toMatchObject({ stockOnHand: 5 });
    await expectGrpcError(h.client.listLowStock({ threshold: 0 }, { metadata: h.as('doctor') }), status.INVALID_ARGUMENT, { field: 'threshold' });
  });

  it('lists lots holding stock that expire within the window, soonest first, expired ones included', async () => {
    const drug = await h.createDrug();
    const a = await h.receive(drug.id, 'EXP-A', 3, daysFromNow(20));
    const b = await h.receive(drug.id, 'EXP-B', 3, daysFromNow(5));
    const empty = await h.receive(drug.id, 'EXP-EMPTY', 2, daysFromNow(6));
    await h.client.adjustStock({ lotId: empty.id, delta: -2, reason: 'Destroyed' }, { metadata: h.as('pharmacist') });
    await h.receive(drug.id, 'EXP-FAR', 3, daysFromNow(400));
    const mine = async (withinDays: number) =>
      (await h.client.listExpiringLots({ withinDays }, { metadata: h.as('pharmacist') })).lots.filter((l) => l.drugId === drug.id).map((l) => l.id);
    expect(await mine(30)).toEqual([b.id, a.id]);
    expect(await mine(10)).toEqual([b.id]);
    h.setNow(new Date(Date.now() + 10 * 86_400_000));
    expect(await mine(0)).toEqual([b.id]);
    await expectGrpcError(h.client.listExpiringLots({ withinDays: -1 }, { metadata: h.as('pharmacist') }), status.INVALID_ARGUMENT, { field: 'withinDays' });
    await expectGrpcError(h.client.listExpiringLots({ withinDays: 5 }, { metadata: h.as('finance') }), status.PERMISSION_DENIED);
  });
});
