import { describe, expect, it } from 'vitest';
import type { Caller } from '@hospital/service-kit';
import type { ClinicalEvent } from '@hospital/grpc-contracts';
import { labResultFilter, wardVitalsFilter, type FollowableWards } from './subscriber-scope.ts';

const user = (role: 'admin' | 'doctor' | 'ward_staff', userId: string): Caller => ({ kind: 'user', role, userId, email: `${userId}@x.test` });
const lab = (patientId: string, orderedById: string) => ({ type: 'LAB_RESULT_ENTERED', patientId, wardId: null, labResult: { orderedById } }) as unknown as ClinicalEvent;
const vitals = (wardId: string | null, type = 'VITALS_ABNORMAL') => ({ type, patientId: 'p', wardId, vitals: {} }) as unknown as ClinicalEvent;
const sees = (visible: string[]) => ({ maySeePatient: async (id: string) => visible.includes(id) });
const wards = (answer: FollowableWards) => ({ followableWards: async () => answer });

describe('labResultFilter', () => {
  it('keeps a doctor who names no patient to the results of their own orders, never vitals', async () => {
    const accept = await labResultFilter(user('doctor', 'me'), {}, sees([]));
    expect([accept(lab('p1', 'me')), accept(lab('p2', 'other')), accept(vitals('w'))]).toEqual([true, false, false]);
  });

  it("follows a named patient's results (whoever ordered them) when the service lets the caller see the patient", async () => {
    const accept = await labResultFilter(user('doctor', 'me'), { patientId: 'P1' }, sees(['P1']));
    expect([accept(lab('p1', 'other')), accept(lab('p2', 'me'))]).toEqual([true, false]);
  });

  it('refuses a patient the caller may not see with FORBIDDEN', async () => {
    await expect(labResultFilter(user('doctor', 'me'), { patientId: 'p1' }, sees([]))).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('lets an admin who names no patient follow every result', async () => {
    const accept = await labResultFilter(user('admin', 'a'), { patientId: null }, sees([]));
    expect([accept(lab('p1', 'd1')), accept(lab('p2', 'd2')), accept(vitals('w'))]).toEqual([true, true, false]);
  });
});

describe('wardVitalsFilter', () => {
  it("keeps ward staff to their wards' patients, named or not, and refuses another ward with FORBIDDEN", async () => {
    const mine = wards({ everyWard: false, wardIds: new Set(['w1', 'w2']) });
    const all = await wardVitalsFilter({}, mine);
    expect([all(vitals('w1')), all(vitals('W2')), all(vitals('w3')), all(vitals(null)), all(lab('p', 'd'))]).toEqual([true, true, false, false, false]);
    const one = await wardVitalsFilter({ wardId: 'w1' }, mine);
    expect([one(vitals('w1')), one(vitals('w2'))]).toEqual([true, false]);
    await expect(wardVitalsFilter({ wardId: 'w3' }, mine)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('lets those who may follow every ward name any ward, or none (patients on no ward are never sent)', async () => {
    const every = wards({ everyWard: true });
    const all = await wardVitalsFilter({}, every);
    expect([all(vitals('w9')), all(vitals('w9', 'VITALS_RECORDED')), all(vitals(null))]).toEqual([true, true, false]);
    const one = await wardVitalsFilter({ wardId: 'w9' }, every);
    expect([one(vitals('w9')), one(vitals('w1'))]).toEqual([true, false]);
  });
});
