/** Wards, beds, the bed board, occupancy and out-of-service beds through the real service. */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { checkHealth } from '@hospital/service-kit/grpc';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { WARD_SERVICE_NAME } from './service.ts';
import { expectGrpcError, harnessForFile, raceOutcomes } from '@hospital/service-kit/testing';
import { startWardHarness, uniqueCode } from './testing/ward-harness.ts';

const h = harnessForFile(() => startWardHarness(testDatabaseUrl()));

describe('CreateWard', () => {
  it('trims the name, upper-cases the code and reads an empty specialty as none', async () => {
    const code = uniqueCode('gm');
    const ward = await h.ward.createWard({ name: '  General Medicine ', code: ` ${code.toLowerCase()} `, specialty: '' }, { metadata: h.as('admin') });
    expect(ward).toMatchObject({ name: 'General Medicine', code: code.toUpperCase(), specialty: '', bedCount: 0, occupiedCount: 0, freeCount: 0, occupancyRate: 0 });
    expect(ward.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
  });

  it('lets exactly one of two concurrent creations of a code win', async () => {
    const code = uniqueCode('DUP');
    const create = () => h.ward.createWard({ name: 'Twin', code, specialty: 'Surgery' }, { metadata: h.as('admin') });
    const { won, lost } = raceOutcomes(await Promise.allSettled([create(), create()]));
    expect(won).toHaveLength(1);
    expect(lost.map((e) => [status[e.code], e.details])).toEqual([['ALREADY_EXISTS', `A ward with code ${code} already exists.`]]);
  });

  it('names the field at fault', async () => {
    const admin = { metadata: h.as('admin') };
    await expectGrpcError(h.ward.createWard({ name: ' ', code: uniqueCode() }, admin), status.INVALID_ARGUMENT, { field: 'name' });
    await expectGrpcError(h.ward.createWard({ name: 'X', code: 'has space' }, admin), status.INVALID_ARGUMENT, { field: 'code' });
    await expectGrpcError(h.ward.createWard({ name: 'X', code: '-LEADING' }, admin), status.INVALID_ARGUMENT, { field: 'code' });
  });
});

describe('AddBed', () => {
  it('adds beds with labels unique per ward, and the same label on another ward', async () => {
    const [a, b] = [await h.createWard(), await h.createWard()];
    const bed = await h.addBed(a.id, 'B-12');
    expect(bed).toMatchObject({ wardId: a.id, label: 'B-12', outOfService: false, occupant: null });
    await expect(h.addBed(b.id, 'B-12')).resolves.toMatchObject({ wardId: b.id });
    await expectGrpcError(h.addBed(a.id, 'B-12'), status.ALREADY_EXISTS, { message: 'This ward already has a bed B-12.' });
  });

  it('answers NOT_FOUND for an unknown ward and BAD_USER_INPUT for a bad label', async () => {
    await expectGrpcError(h.addBed(randomUUID(), 'B-1'), status.NOT_FOUND);
    const ward = await h.createWard();
    await expectGrpcError(h.addBed(ward.id, '  '), status.INVALID_ARGUMENT, { field: 'label' });
    await expectGrpcError(h.addBed(ward.id, 'B<1>'), status.INVALID_ARGUMENT, { field: 'label' });
    await expectGrpcError(h.addBed('not-a-uuid', 'B-1'), status.INVALID_ARGUMENT, { field: 'wardId' });
  });
});

describe('bed board and occupancy', () => {
  it('shows every bed with its occupant or free, and counts occupancy', async () => {
    const ward = await h.createWard();
    const beds = [await h.addBed(ward.id, 'A1'), await h.addBed(ward.id, 'A2'), await h.addBed(ward.id, 'A3'), await h.addBed(ward.id, 'A4')];
    const [p1, p2] = [await h.registerPatient(), await h.registerPatient()];
    const admission = await h.admit(p1.id, beds[0]!.id);
    await h.admit(p2.id, beds[2]!.id);
    await h.ward.setBedOutOfService({ bedId: beds[3]!.id, outOfService: true }, { metadata: h.as('ward_staff') });

    const board = await h.ward.getBedBoard({ wardId: ward.id }, { metadata: h.as('doctor') });
    expect(board.beds.map((b) => [b.label, b.occupant?.patientId ?? null, b.outOfService])).toEqual([
      ['A1', p1.id, false],
      ['A2', null, false],
      ['A3', p2.id, false],
      ['A4', null, true],
    ]);
    expect(board.beds[0]?.occupant).toMatchObject({ id: admission.id, status: 'ADMISSION_STATUS_ADMITTED', bedId: beds[0]!.id, wardId: ward.id });
    expect(board.ward).toMatchObject({ bedCount: 4, occupiedCount: 2, outOfServiceCount: 1, freeCount: 1, occupancyRate: 0.6667 });

    const { wards } = await h.ward.listWards({}, { metadata: h.as('ward_staff') });
    expect(wards.find((w) => w.id === ward.id)).toEqual(board.ward);
    const { wards: byId } = await h.ward.getWards({ ids: [ward.id, randomUUID(), ward.id] }, { metadata: h.as('admin') });
    expect(byId.map((w) => w.id)).toEqual([ward.id, ward.id]);
  });

  it('answers NOT_FOUND for the bed board of an unknown ward', async () => {
    await expectGrpcError(h.ward.getBedBoard({ wardId: randomUUID() }, { metadata: h.as('doctor') }), status.NOT_FOUND);
  });

  it('lists the beds of several wards in one call, and beds by id', async () => {
    const [a, b] = [await h.createWard(), await h.createWard()];
    const [a1, b1, b2] = [await h.addBed(a.id, '1'), await h.addBed(b.id, '1'), await h.addBed(b.id, '2')];
    const { beds } = await h.ward.listBeds({ wardIds: [a.id, b.id] }, { metadata: h.as('doctor') });
    expect(beds.map((bed) => bed.id).sort()).toEqual([a1.id, b1.id, b2.id].sort());
    const { beds: byId } = await h.ward.getBeds({ ids: [b2.id, randomUUID(), a1.id] }, { metadata: h.as('doctor') });
    expect(byId.map((bed) => bed.id)).toEqual([b2.id, a1.id]);
  });
});

describe('SetBedOutOfService', () => {
  it('refuses admissions into a bed out of service, and takes no occupied bed out', async () => {
    const ward = await h.createWard({ name: 'Repairs' });
    const [broken, busy] = [await h.addBed(ward.id, 'R1'), await h.addBed(ward.id, 'R2')];
    const staff = { metadata: h.as('ward_staff') };
    await h.ward.setBedOutOfService({ bedId: broken.id, outOfService: true }, staff);
    const patient = await h.registerPatient();
    await expectGrpcError(h.admit(patient.id, broken.id), status.ALREADY_EXISTS, { message: `Bed R1 on ${ward.name} is out of service.` });

    await h.admit(patient.id, busy.id);
    await expectGrpcError(h.ward.setBedOutOfService({ bedId: busy.id, outOfService: true }, staff), status.ALREADY_EXISTS, { message: /R2 .* is occupied; / });
    const back = await h.ward.setBedOutOfService({ bedId: broken.id, outOfService: false }, staff);
    expect(back.outOfService).toBe(false);
    await expectGrpcError(h.ward.setBedOutOfService({ bedId: randomUUID(), outOfService: true }, staff), status.NOT_FOUND);
  });

  it('never leaves a bed both occupied and out of service when the two race', async () => {
    for (let round = 0; round < 5; round++) {
      const ward = await h.createWard();
      const bed = await h.addBed(ward.id);
      const patient = await h.registerPatient();
      await Promise.allSettled([h.admit(patient.id, bed.id), h.ward.setBedOutOfService({ bedId: bed.id, outOfService: true }, { metadata: h.as('ward_staff') })]);
      const [after] = (await h.ward.getBeds({ ids: [bed.id] }, { metadata: h.as('doctor') })).beds;
      expect(after!.outOfService && after!.occupant !== null).toBe(false);
    }
  });
});

describe('roles and health', () => {
  it('lets the care team read, only admins plan beds, and nobody anonymous in', async () => {
    const ward = await h.createWard();
    for (const role of ['pharmacist', 'finance'] as const) {
      await expectGrpcError(h.ward.listWards({}, { metadata: h.as(role) }), status.PERMISSION_DENIED);
      await expectGrpcError(h.ward.getBedBoard({ wardId: ward.id }, { metadata: h.as(role) }), status.PERMISSION_DENIED);
    }
    for (const role of ['doctor', 'ward_staff'] as const) {
      await expectGrpcError(h.ward.createWard({ name: 'No', code: uniqueCode() }, { metadata: h.as(role) }), status.PERMISSION_DENIED);
      await expectGrpcError(h.ward.addBed({ wardId: ward.id, label: 'X' }, { metadata: h.as(role) }), status.PERMISSION_DENIED);
    }
    await expectGrpcError(h.ward.listWards({}, { metadata: h.as() }), status.UNAUTHENTICATED);
  });

  it('answers SERVING for the server and the service', async () => {
    await expect(checkHealth(h.target)).resolves.toBe('SERVING');
    await expect(checkHealth(h.target, WARD_SERVICE_NAME)).resolves.toBe('SERVING');
  });
});
