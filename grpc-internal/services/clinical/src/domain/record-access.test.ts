/** The clinical record's access rule on top of the care relationship: batch reads, authors, refusals. */
import { describe, expect, it, vi } from 'vitest';
import type { Caller, CareDirectory, Logger } from '@hospital/service-kit';
import type { CallScope } from '@hospital/service-kit/grpc';
import { assertMayTouchRecord, NO_CARE_RELATIONSHIP, readablePatients, readableRecords } from './record-access.ts';

const MINE = 'aaaaaaaa-0000-4000-8000-000000000001';
const OTHER = 'aaaaaaaa-0000-4000-8000-000000000002';
const ELSEWHERE = 'aaaaaaaa-0000-4000-8000-000000000003';
const DOCTOR = 'dddddddd-0000-4000-8000-000000000001';

/** Doctor DOCTOR has an appointment with MINE; the caller's wards hold OTHER. */
const carers: CareDirectory = {
  patientsOfDoctor: async (_doctor, ids) => new Set(ids.filter((id) => id === MINE)),
  patientsOnCallersWards: async (ids) => new Set(ids.filter((id) => id === OTHER)),
};

function scopeOf(caller: Caller) {
  const denied: string[] = [];
  const scope = {
    caller,
    identityToken: 't',
    requestId: 'r',
    logger: { warn: vi.fn() } as unknown as Logger,
    noteDeniedAccess: (ids: readonly string[]) => void denied.push(...ids),
  } as unknown as CallScope;
  return { scope, denied };
}
const doctor = (): Caller => ({ kind: 'user', userId: DOCTOR, role: 'doctor', email: 'd@test.local' });
const nurse = (): Caller => ({ kind: 'user', userId: 'nnnnnnnn-0000-4000-8000-000000000001', role: 'ward_staff', email: 'n@test.local' });

describe('readablePatients (patient-wide lists: encounters, vitals, problems, lab orders)', () => {
  it('refuses a doctor with no relationship: FORBIDDEN with the reason, a denied row for the patient', async () => {
    const { scope, denied } = scopeOf(doctor());
    await expect(readablePatients([OTHER], carers, scope, 'encounter')).rejects.toMatchObject({ code: 'FORBIDDEN', message: NO_CARE_RELATIONSHIP });
    expect(denied).toEqual([OTHER]);
  });

  it("lets a doctor read their appointments' patient, and withholds the others of a batch (denied rows) without failing it", async () => {
    const { scope, denied } = scopeOf(doctor());
    expect(await readablePatients([MINE], carers, scope, 'encounter')).toEqual([MINE]);
    expect(denied).toEqual([]);
    expect(await readablePatients([MINE, OTHER, ELSEWHERE], carers, scope, 'encounter')).toEqual([MINE]);
    expect(denied).toEqual([OTHER, ELSEWHERE]);
  });

  it("ward staff read only patients on their wards; another ward's patient is FORBIDDEN", async () => {
    const { scope } = scopeOf(nurse());
    expect(await readablePatients([OTHER], carers, scope, 'vital signs')).toEqual([OTHER]);
    await expect(readablePatients([ELSEWHERE], carers, scope, 'vital signs')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('admins and services read anyone', async () => {
    for (const caller of [{ kind: 'user', userId: 'x', role: 'admin', email: 'a@test.local' } as const, { kind: 'service', service: 'notifications' } as const]) {
      expect(await readablePatients([ELSEWHERE], carers, scopeOf(caller).scope, 'problem')).toEqual([ELSEWHERE]);
    }
  });
});

describe('readableRecords (records by id: an author keeps access to their own record)', () => {
  type Stored = { id: string; patientId: string; by: string };
  const shape = { keyOf: (r: Stored) => r.id, patientOf: (r: Stored) => r.patientId, authorsOf: (r: Stored) => [r.by] };
  const theirs: Stored = { id: 'e1', patientId: ELSEWHERE, by: 'someone-else' };
  const authored: Stored = { id: 'e2', patientId: ELSEWHERE, by: DOCTOR.toUpperCase() };

  it("reads the caller's own record of a patient outside their care, refuses a colleague's", async () => {
    const { scope, denied } = scopeOf(doctor());
    expect(await readableRecords(['e2'], [authored], shape, carers, scope, 'encounter')).toEqual([authored]);
    await expect(readableRecords(['e1'], [theirs], shape, carers, scope, 'encounter')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(denied).toEqual([ELSEWHERE]);
  });

  it('entity batches (GetLabOrders) leave a refused id out like an unknown one, with its denied row, never FORBIDDEN', async () => {
    const { scope, denied } = scopeOf(doctor());
    expect(await readableRecords(['e1'], [theirs], shape, carers, scope, 'lab order', true)).toEqual([]);
    expect(denied).toEqual([ELSEWHERE]);
  });

  it('leaves unknown ids out without refusing, and a refused one out of a mixed batch', async () => {
    const { scope, denied } = scopeOf(doctor());
    expect(await readableRecords(['e9'], [], shape, carers, scope, 'encounter')).toEqual([]);
    expect(await readableRecords(['e1', 'e2'], [theirs, authored], shape, carers, scope, 'encounter')).toEqual([authored]);
    expect(denied).toEqual([ELSEWHERE]);
  });
});

describe('assertMayTouchRecord (every write)', () => {
  it("passes the care team and the record's author, refuses anyone else with a denied row", async () => {
    const { scope, denied } = scopeOf(doctor());
    await expect(assertMayTouchRecord(MINE, carers, scope, 'note')).resolves.toBeUndefined();
    await expect(assertMayTouchRecord(ELSEWHERE, carers, scope, 'note', [DOCTOR])).resolves.toBeUndefined();
    await expect(assertMayTouchRecord(ELSEWHERE, carers, scope, 'note', ['someone-else'])).rejects.toMatchObject({ code: 'FORBIDDEN', message: NO_CARE_RELATIONSHIP });
    expect(denied).toEqual([ELSEWHERE]);
  });
});
