import { describe, expect, it } from 'vitest';
import { actingUserId, requireActingUser } from './acting-user.ts';
import type { Caller } from './identity-token.ts';

const user: Caller = { kind: 'user', userId: 'u-1', role: 'doctor', email: 'n@example.org' };
const service: Caller = { kind: 'service', service: 'appointments-service' };
const anonymous: Caller = { kind: 'anonymous' };

describe('the acting user', () => {
  it('is the signed-in user, or null for services and anonymous callers', () => {
    expect(actingUserId(user)).toBe('u-1');
    expect(actingUserId(service)).toBeNull();
    expect(actingUserId(anonymous)).toBeNull();
  });

  it('is required where only a person may act: FORBIDDEN with the given message otherwise', () => {
    expect(requireActingUser(user, 'no')).toBe('u-1');
    expect(() => requireActingUser(service, 'Only staff.')).toThrow(expect.objectContaining({ code: 'FORBIDDEN', message: 'Only staff.' }));
    expect(() => requireActingUser(anonymous, 'Only staff.')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
