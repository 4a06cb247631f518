/** ListTokenRevocations through the real service: who may call it, what it lists, and fresh logins after a revocation. */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import type { ListTokenRevocationsResponse__Output } from '@hospital/grpc-contracts';
import { expectGrpcError, harnessForFile } from '@hospital/service-kit/testing';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { startIdentityHarness } from './testing/identity-harness.ts';

const harness = harnessForFile(() => startIdentityHarness(testDatabaseUrl()));

const asRouter = () => harness.as({ kind: 'service', service: 'router' });
const entryOf = (response: ListTokenRevocationsResponse__Output, userId: string) => response.revocations.find((r) => r.userId === userId);

describe('ListTokenRevocations', () => {
  it('admits only the system itself: no anonymous caller, no user, not even an admin', async () => {
    await expectGrpcError(harness.client.listTokenRevocations({ since: '' }, { metadata: harness.as() }), status.PERMISSION_DENIED);
    await expectGrpcError(harness.client.listTokenRevocations({ since: '' }, { metadata: harness.asAdmin() }), status.PERMISSION_DENIED);
    await expect(harness.client.listTokenRevocations({ since: '' }, { metadata: asRouter() })).resolves.toMatchObject({ accessTokenTtlSeconds: 900 });
  });

  it('refuses a since that is not an RFC 3339 time', async () => {
    await expectGrpcError(harness.client.listTokenRevocations({ since: 'yesterday' }, { metadata: asRouter() }), status.INVALID_ARGUMENT, { field: 'since' });
  });

  it('lists deactivations and role changes from the time they happened, and not before', async () => {
    const leaver = await harness.createUser({ role: 'ROLE_DOCTOR' });
    const mover = await harness.createUser({ role: 'ROLE_DOCTOR' });
    const before = await harness.client.listTokenRevocations({ since: '' }, { metadata: asRouter() });
    expect(entryOf(before, leaver.id)).toBeUndefined();

    const started = Date.now();
    await harness.client.deactivateUser({ id: leaver.id }, { metadata: harness.asAdmin() });
    await harness.client.changeUserRole({ id: mover.id, role: 'ROLE_PHARMACIST' }, { metadata: harness.asAdmin() });

    const after = await harness.client.listTokenRevocations({ since: before.serverTime }, { metadata: asRouter() });
    for (const id of [leaver.id, mover.id]) {
      const validAfter = Date.parse(entryOf(after, id)?.validAfter ?? '');
      expect(validAfter).toBeGreaterThanOrEqual(started - 5);
      expect(validAfter).toBeLessThanOrEqual(Date.parse(after.serverTime));
    }
    // A window starting after the changes no longer holds them.
    const later = await harness.client.listTokenRevocations({ since: new Date(Date.now() + 60_000).toISOString() }, { metadata: asRouter() });
    expect(entryOf(later, leaver.id)).toBeUndefined();
  });

  it('dates a login right after a role change past the revocation, carrying the new role', async () => {
    const user = await harness.createUser({ role: 'ROLE_DOCTOR' });
    const old = await harness.client.login({ email: user.email, password: user.password }, { metadata: harness.as() });
    await harness.client.changeUserRole({ id: user.id, role: 'ROLE_FINANCE' }, { metadata: harness.asAdmin() });
    const fresh = await harness.client.login({ email: user.email, password: user.password }, { metadata: harness.as() });

    const listed = await harness.client.listTokenRevocations({ since: '' }, { metadata: asRouter() });
    const validAfter = Date.parse(entryOf(listed, user.id)?.validAfter ?? '');
    const iat = (token: string) => ((jwt.decode(token) as jwt.JwtPayload).iat ?? 0) * 1000;
    // The router's rule: a token is refused when iat * 1000 <= validAfter.
    expect(iat(old.accessToken)).toBeLessThanOrEqual(validAfter);
    expect(iat(fresh.accessToken)).toBeGreaterThan(validAfter);
    expect(jwt.decode(fresh.accessToken)).toMatchObject({ sub: user.id, role: 'finance' });
  });

  it('keeps the session on a role change: a refresh yields a token with the new role, dated after the revocation', async () => {
    const user = await harness.createUser({ role: 'ROLE_DOCTOR', emailPrefix: `refresh-${randomUUID().slice(0, 4)}` });
    const session = await harness.client.login({ email: user.email, password: user.password }, { metadata: harness.as() });
    await harness.client.changeUserRole({ id: user.id, role: 'ROLE_WARD_STAFF' }, { metadata: harness.asAdmin() });
    const refreshed = await harness.client.refreshToken({ refreshToken: session.refreshToken }, { metadata: harness.as() });
    const listed = await harness.client.listTokenRevocations({ since: '' }, { metadata: asRouter() });
    const validAfter = Date.parse(entryOf(listed, user.id)?.validAfter ?? '');
    const claims = jwt.decode(refreshed.accessToken) as jwt.JwtPayload;
    expect(claims['role']).toBe('ward_staff');
    expect((claims.iat ?? 0) * 1000).toBeGreaterThan(validAfter);
  });
});
