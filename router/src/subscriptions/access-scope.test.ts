import { describe, expect, it } from 'vitest';
import type { Caller } from '@hospital/service-kit';
import { accessScopeOf } from './access-scope.ts';

const user = (role: string, userId: string): Caller => ({ kind: 'user', role, userId, email: `${userId}@x.test` }) as Caller;

describe('accessScopeOf', () => {
  it('shares a scope between admins, never between doctors', () => {
    expect(accessScopeOf(user('admin', 'a'), ['appointments', 'patients'])).toBe(accessScopeOf(user('admin', 'b'), ['appointments', 'patients']));
    expect(accessScopeOf(user('doctor', 'a'), ['appointments'])).not.toBe(accessScopeOf(user('doctor', 'b'), ['appointments']));
    expect(accessScopeOf(user('doctor', 'a'), ['appointments'])).not.toBe(accessScopeOf(user('admin', 'a'), ['appointments']));
  });

  it("gives each admin a clinical stream of their own: the subgraph audits each delivery as its subscriber's read", () => {
    expect(accessScopeOf(user('admin', 'a'), ['clinical'])).not.toBe(accessScopeOf(user('admin', 'b'), ['clinical']));
    expect(accessScopeOf(user('admin', 'a'), ['clinical'])).toBe(accessScopeOf(user('admin', 'a'), ['clinical']));
  });

  it('scopes ward staff to the person only where the ward or clinical subgraph answers', () => {
    expect(accessScopeOf(user('ward_staff', 'a'), ['appointments', 'patients', 'identity'])).toBe(accessScopeOf(user('ward_staff', 'b'), ['appointments', 'patients', 'identity']));
    expect(accessScopeOf(user('ward_staff', 'a'), ['appointments', 'ward'])).not.toBe(accessScopeOf(user('ward_staff', 'b'), ['appointments', 'ward']));
    // wardVitalsEvents: the clinical subgraph filters by the subscriber's wards, so no two ward staff share its stream.
    expect(accessScopeOf(user('ward_staff', 'a'), ['clinical'])).not.toBe(accessScopeOf(user('ward_staff', 'b'), ['clinical']));
  });

  it('scopes a role it does not know to the person', () => {
    expect(accessScopeOf(user('pharmacist', 'a'), ['patients'])).not.toBe(accessScopeOf(user('pharmacist', 'b'), ['patients']));
  });
});
