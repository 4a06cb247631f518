/**
 * The database guarantees under truly parallel calls to the real service: one patient per bed,
 * one active admission per patient, and transfers guarded by the same index as admissions.
 * Each case starts every call before awaiting any, over one connection pool of the service.
 */
import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { harnessForFile, raceOutcomes } from '@hospital/service-kit/testing';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { startWardHarness } from './testing/ward-harness.ts';

const h = harnessForFile(() => startWardHarness(testDatabaseUrl()));

const staff = () => ({ metadata: h.as('ward_staff') });

describe('under concurrent requests', () => {
  it('admits exactly one of 10 patients racing for one bed', async () => {
    const ward = await h.createWard();
    const bed = await h.addBed(ward.id, 'B-12');
    const patients = await Promise.all(Array.from({ length: 10 }, () => h.registerPatient()));
    const { won, lost } = raceOutcomes(await Promise.allSettled(patients.map((p) => h.admit(p.id, bed.id))));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(9);
    for (const error of lost) expect([status[error.code], error.details]).toEqual(['ALREADY_EXISTS', `Bed B-12 on ${ward.name} is occupied.`]);
    const board = await h.ward.getBedBoard({ wardId: ward.id }, { metadata: h.as('doctor') });
    expect(board.beds[0]?.occupant?.id).toBe(won[0]!.id);
  });

  it('admits one patient racing into two beds exactly once', async () => {
    const ward = await h.createWard();
    const [a, b] = [await h.addBed(ward.id, 'A'), await h.addBed(ward.id, 'B')];
    const patient = await h.registerPatient();
    const { won, lost } = raceOutcomes(await Promise.allSettled([h.admit(patient.id, a.id), h.admit(patient.id, b.id)]));
    expect(won).toHaveLength(1);
    const where = won[0]!.bedId === a.id ? 'A' : 'B';
    expect(lost.map((e) => [status[e.code], e.details])).toEqual([['ALREADY_EXISTS', `Patient already admitted to ${ward.name}, bed ${where}.`]]);
    const { admissions } = await h.ward.getPatientAdmissions({ patientIds: [patient.id] }, { metadata: h.as('doctor') });
    expect(admissions).toHaveLength(1);
  });

  it('lets either a transfer or an admission into the same bed win, never both', async () => {
    for (let round = 0; round < 5; round++) {
      const ward = await h.createWard();
      const [from, target] = [await h.addBed(ward.id, 'F'), await h.addBed(ward.id, 'T')];
      const [moving, arriving] = [await h.registerPatient(), await h.registerPatient()];
      const admission = await h.admit(moving.id, from.id);
      const results = await Promise.allSettled([
        h.ward.transferPatient({ admissionId: admission.id, wardId: ward.id, bedId: target.id }, staff()),
        h.admit(arriving.id, target.id),
      ]);
      const { won, lost } = raceOutcomes(results);
      expect(won).toHaveLength(1);
      expect(lost.map((e) => [status[e.code], e.details])).toEqual([['ALREADY_EXISTS', `Bed T on ${ward.name} is occupied.`]]);
      const board = await h.ward.getBedBoard({ wardId: ward.id }, { metadata: h.as('doctor') });
      const occupantOf = (label: string) => board.beds.find((b) => b.label === label)?.occupant?.patientId ?? null;
      if (results[0].status === 'fulfilled') expect([occupantOf('F'), occupantOf('T')]).toEqual([null, moving.id]);
      else expect([occupantOf('F'), occupantOf('T')]).toEqual([moving.id, arriving.id]);
    }
  });

  it('discharges an admission once when two discharges race', async () => {
    const ward = await h.createWard();
    const bed = await h.addBed(ward.id);
    const admission = await h.admit((await h.registerPatient()).id, bed.id);
    const discharge = () => h.ward.dischargePatient({ admissionId: admission.id, summary: 'Home.' }, staff());
    const { won, lost } = raceOutcomes(await Promise.allSettled([discharge(), discharge(), discharge()]));
    expect(won).toHaveLength(1);
    expect(lost.map((e) => status[e.code])).toEqual(['INVALID_ARGUMENT', 'INVALID_ARGUMENT']);
  });
});
