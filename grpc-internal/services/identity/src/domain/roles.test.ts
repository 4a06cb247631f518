import { describe, expect, it } from 'vitest';
import { ROLES } from '@hospital/service-kit';
import { roleFromProto, roleToProto } from './roles.ts';

describe('role mapping', () => {
  it('maps every role both ways', () => {
    for (const role of ROLES) expect(roleFromProto(roleToProto(role))).toBe(role);
    expect(roleToProto('ward_staff')).toBe('ROLE_WARD_STAFF');
    expect(roleFromProto('ROLE_ADMIN')).toBe('admin');
  });

  it('refuses unspecified, unknown and numeric values', () => {
    expect(roleFromProto('ROLE_UNSPECIFIED')).toBeUndefined();
    expect(roleFromProto('ROLE_JANITOR')).toBeUndefined();
    expect(roleFromProto('admin')).toBeUndefined();
    expect(roleFromProto(9)).toBeUndefined();
    expect(roleFromProto(undefined)).toBeUndefined();
  });
});
