import { describe, expect, it } from 'vitest';
import type { Caller } from '@hospital/service-kit';
import type { AppointmentEventV1 } from '@hospital/grpc-contracts';
import { subscriberFilter } from './subscriber-scope.ts';

const user = (role: 'admin' | 'doctor' | 'ward_staff', userId: string): Caller => ({ kind: 'user', role, userId, email: `${userId}@x.test` });
const of = (doctorId: string) => ({ appointment: { doctorId } }) as AppointmentEventV1;

describe('subscriberFilter', () => {
  it('keeps a doctor to their own appointments, named or not', () => {
    for (const doctorId of [undefined, null, 'me']) {
      const accept = subscriberFilter(user('doctor', 'me'), { doctorId });
      expect([accept(of('me')), accept(of('other'))]).toEqual([true, false]);
    }
  });

  it('refuses a doctor naming another doctor with FORBIDDEN', () => {
    expect(() => subscriberFilter(user('doctor', 'me'), { doctorId: 'other' })).toThrow(expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }));
  });

  it('lets admins and ward staff follow everyone or one doctor; wardId filters nothing yet', () => {
    for (const role of ['admin', 'ward_staff'] as const) {
      expect(subscriberFilter(user(role, 'u'), { wardId: 'w' })(of('any'))).toBe(true);
      const one = subscriberFilter(user(role, 'u'), { doctorId: 'd' });
      expect([one(of('d')), one(of('e'))]).toEqual([true, false]);
    }
  });
});
