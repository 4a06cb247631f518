import { describe, expect, it } from 'vitest';
import type { CallScope } from '@hospital/service-kit/grpc';
import type { CareDepartments } from '../departments/care-departments.ts';
import { getFollowableWardsHandler } from './followable-wards.handler.ts';

const scopeOf = (role: 'admin' | 'doctor' | 'ward_staff') => ({ caller: { kind: 'user', role, userId: 'u', email: 'u@x.test' } }) as CallScope;

describe('getFollowableWardsHandler', () => {
  it('gives ward staff the wards the ward department lets them see, asked on their behalf; others every ward, without asking', async () => {
    const asked: CallScope[] = [];
    const care = { wardsCallerSees: async (scope: CallScope) => (asked.push(scope), ['w1', 'w2']) } as unknown as CareDepartments;
    const staff = scopeOf('ward_staff');
    expect(await getFollowableWardsHandler({ care }, staff)).toEqual({ everyWard: false, wardIds: ['w1', 'w2'] });
    expect(asked).toEqual([staff]);
    for (const role of ['admin', 'doctor'] as const) expect(await getFollowableWardsHandler({ care }, scopeOf(role))).toEqual({ everyWard: true, wardIds: [] });
    expect(asked).toHaveLength(1);
  });
});
