/**
 * Dispensing through the real service: first-expiry-first-out across lots, never from expired
 * lots, all or nothing, and truly parallel dispensers that together want more than there is.
 */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { expectGrpcError, harnessForFile, settleRace } from '@hospital/service-kit/testing';
import { daysFromNow, startPharmacyHarness } from './testing/pharmacy-harness.ts';

const h = harnessForFile(() => startPharmacyHarness(testDatabaseUrl()));

const drugNow = async (id: string) => (await h.client.getDrugs({ ids: [id] }, { metadata: h.as('pharmacist') })).drugs[0]!;
const dispense = (id: string, pharmacistId?: string) => h.client.dispensePrescription({ id }, { metadata: h.as('pharmacist', pharmacistId) });

describe('DispensePrescription', () => {
  it('takes from the lot that expires first, skips expired lots, and records lots and ledger', async () => {
    const [drug, patient] = await Promise.all([h.createDrug(), h.registerPatient()]);
    const expiring = await h.receive(drug.id, 'SOON', 5, daysFromNow(1));
    const next = await h.receive(drug.id, 'NEXT', 10, daysFromNow(40));
    await h.receive(drug.id, 'LAST', 10, daysFromNow(400));
    const prescription = await h.prescribe(patient.id, drug.id, 8);
    // Two days on, SOON has expired: the eight units come from NEXT only.
    h.setNow(new Date(Date.now() + 2 * 86_400_000));
    try {
      const pharmacistId = randomUUID();
      const dispensed = await dispense(prescription.id, pharmacistId);
      expect(dispensed).toMatchObject({ status: 'PRESCRIPTION_STATUS_DISPENSED', dispensedBy: pharmacistId });
      expect(dispensed.dispensations).toEqual([{ lotId: next.id, lotNumber: 'NEXT', expiresOn: next.expiresOn, quantity: 8 }]);
      const after = await drugNow(drug.id);
      expect(after.lots.map((l) => [l.lotNumber, l.quantity])).toEqual([
        ['SOON', 5],
        ['NEXT', 2],
        ['LAST', 10],
      ]);
      expect(after.lots[0]).toMatchObject({ id: expiring.id, expired: true });
      const { movements } = await h.client.listStockMovements({ drugId: drug.id }, { metadata: h.as('pharmacist') });
      expect(movements[0]).toMatchObject({ kind: 'STOCK_MOVEMENT_KIND_DISPENSE', delta: -8, quantityAfter: 2, prescriptionId: prescription.id, actorId: pharmacistId });
    } finally {
      h.setNow(undefined);
    }
  });

  it('spans lots in expiry order when one is not enough', async () => {
    const [drug, patient] = await Promise.all([h.createDrug(), h.registerPatient()]);
    const later = await h.receive(drug.id, 'B-LATER', 10, daysFromNow(90));
    const sooner = await h.receive(drug.id, 'A-SOONER', 4, daysFromNow(30));
    const prescription = await h.prescribe(patient.id, drug.id, 6);
    const dispensed = await dispense(prescription.id);
    expect(dispensed.dispensations.map((d) => [d.lotId, d.quantity])).toEqual([
      [sooner.id, 4],
      [later.id, 2],
    ]);
    expect((await drugNow(drug.id)).stockOnHand).toBe(8);
  });

  it('is all or nothing: short stock is CONFLICT and takes nothing', async () => {
    const [drug, patient] = await Promise.all([h.createDrug(), h.registerPatient()]);
    await h.receive(drug.id, 'ONLY', 3, daysFromNow(30));
    const prescription = await h.prescribe(patient.id, drug.id, 4);
    await expectGrpcError(dispense(prescription.id), status.ALREADY_EXISTS, { message: /4 units needed, 3 available/ });
    expect((await drugNow(drug.id)).stockOnHand).toBe(3);
    const [still] = (await h.client.getPrescriptions({ ids: [prescription.id] }, { metadata: h.as('doctor') })).prescriptions;
    expect(still).toMatchObject({ status: 'PRESCRIPTION_STATUS_PENDING', dispensations: [] });
  });

  it('answers a second dispensing with CONFLICT, unknown ids with NOT_FOUND, and only pharmacists dispense', async () => {
    const [drug, patient] = await Promise.all([h.createDrug(), h.registerPatient()]);
    await h.receive(drug.id, 'L1', 10, daysFromNow(30));
    const prescription = await h.prescribe(patient.id, drug.id, 2);
    for (const role of ['doctor', 'admin', 'ward_staff', 'finance'] as const) {
      await expectGrpcError(h.client.dispensePrescription({ id: prescription.id }, { metadata: h.as(role) }), status.PERMISSION_DENIED);
    }
    await dispense(prescription.id);
    await expectGrpcError(dispense(prescription.id), status.ALREADY_EXISTS, { message: /already been dispensed/ });
    await expectGrpcError(dispense(randomUUID()), status.NOT_FOUND);
    expect((await drugNow(drug.id)).stockOnHand).toBe(8);
  });
});

describe('concurrent dispensing', () => {
  it('two pharmacists, two prescriptions, not enough for both: exactly one succeeds, the other gets CONFLICT', async () => {
    const [drug, a, b] = await Promise.all([h.createDrug(), h.registerPatient(), h.registerPatient()]);
    await h.receive(drug.id, 'LAST-UNITS', 6, daysFromNow(30));
    const [p1, p2] = await Promise.all([h.prescribe(a.id, drug.id, 4), h.prescribe(b.id, drug.id, 4)]);
    const { won, lostStatuses } = await settleRace([dispense(p1.id), dispense(p2.id)]);
    expect(won).toHaveLength(1);
    expect(lostStatuses).toEqual(['ALREADY_EXISTS']);
    expect((await drugNow(drug.id)).stockOnHand).toBe(2);
  });

  it('ten parallel dispenses over three lots: as many succeed as the stock allows, never negative, FEFO kept', async () => {
    const drug = await h.createDrug();
    const lots = [await h.receive(drug.id, 'P-1', 7, daysFromNow(20)), await h.receive(drug.id, 'P-2', 8, daysFromNow(50)), await h.receive(drug.id, 'P-3', 10, daysFromNow(80))];
    const patients = await Promise.all(Array.from({ length: 10 }, () => h.registerPatient()));
    const prescriptions = await Promise.all(patients.map((p) => h.prescribe(p.id, drug.id, 5)));
    const { won, lostStatuses } = await settleRace(prescriptions.map((p) => dispense(p.id)));
    expect(won).toHaveLength(5);
    expect(lostStatuses).toEqual(Array(5).fill('ALREADY_EXISTS'));
    const after = await drugNow(drug.id);
    expect(after.stockOnHand).toBe(0);
    expect(after.lots).toEqual([]);
    // Every unit is accounted for, each lot gave exactly what it held.
    const taken = new Map<string, number>();
    for (const p of won) for (const d of p.dispensations) taken.set(d.lotId, (taken.get(d.lotId) ?? 0) + d.quantity);
    expect(lots.map((l) => taken.get(l.id))).toEqual([7, 8, 10]);
    const { movements } = await h.client.listStockMovements({ drugId: drug.id, first: 100 }, { metadata: h.as('admin') });
    const dispensedUnits = movements.filter((m) => m.kind === 'STOCK_MOVEMENT_KIND_DISPENSE').reduce((sum, m) => sum - m.delta, 0);
    expect(dispensedUnits).toBe(25);
    expect(movements.every((m) => m.quantityAfter >= 0)).toBe(true);
  });

  it('one prescription dispensed by several pharmacists at once is dispensed once', async () => {
    const [drug, patient] = await Promise.all([h.createDrug(), h.registerPatient()]);
    await h.receive(drug.id, 'ONE', 50, daysFromNow(30));
    const prescription = await h.prescribe(patient.id, drug.id, 5);
    const { won, lostStatuses } = await settleRace(Array.from({ length: 4 }, () => dispense(prescription.id)));
    expect(won).toHaveLength(1);
    expect(lostStatuses).toEqual(Array(3).fill('ALREADY_EXISTS'));
    expect((await drugNow(drug.id)).stockOnHand).toBe(45);
  });
});
