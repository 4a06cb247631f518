/** Account recovery through the real service: search, reactivate, a temporary password from an admin, and changing one's own password. */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleName } from '@hospital/service-kit';
import { expectGrpcError } from '@hospital/service-kit/testing';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { startIdentityHarness, type IdentityHarness } from './testing/identity-harness.ts';

let harness: IdentityHarness;
beforeAll(async () => {
  harness = await startIdentityHarness(testDatabaseUrl());
});
afterAll(() => harness?.close());

const as = (userId: string, role: RoleName = 'doctor') => harness.as({ kind: 'user', userId, role, email: 'caller@test.local' });
const login = (email: string, password: string) => harness.client.login({ email, password }, { metadata: harness.as() });

describe('ListUsers search', () => {
  it('keeps the search on every page, not only the first', async () => {
    const tag = randomUUID().slice(0, 8);
    const mine = [await harness.createUser({ emailPrefix: `paged-${tag}` }), await harness.createUser({ emailPrefix: `paged-${tag}` })];
    // Sorts after both, so a third page that forgot the search would show it.
    await harness.createUser({ emailPrefix: `pagez-${tag}` });
    const admin = { metadata: harness.asAdmin() };
    const first = await harness.client.listUsers({ search: `paged-${tag}`, page: { first: 1 } }, admin);
    const second = await harness.client.listUsers({ search: `paged-${tag}`, page: { first: 1, after: first.pageInfo!.endCursor } }, admin);
    const third = await harness.client.listUsers({ search: `paged-${tag}`, page: { first: 1, after: second.pageInfo!.endCursor } }, admin);
    expect([...first.users, ...second.users].map((u) => u.id).sort()).toEqual(mine.map((u) => u.id).sort());
    expect(third.users).toEqual([]);
  });

  it('finds users by part of the display name or email, in any case, and counts only them', async () => {
    const tag = randomUUID().slice(0, 8);
    const user = await harness.createUser({ emailPrefix: `findme-${tag}` });
    const byEmail = await harness.client.listUsers({ search: `FINDME-${tag}` }, { metadata: harness.asAdmin() });
    expect(byEmail.users.map((u) => u.id)).toEqual([user.id]);
    expect(byEmail.pageInfo?.totalCount).toBe(1);
    const byName = await harness.client.listUsers({ search: user.displayName.slice(2).toUpperCase() }, { metadata: harness.asAdmin() });
    expect(byName.users.map((u) => u.id)).toContain(user.id);
  });
});

describe('ReactivateUser', () => {
  it('lets a deactivated user sign in again', async () => {
    const user = await harness.createUser();
    await harness.client.deactivateUser({ id: user.id }, { metadata: harness.asAdmin() });
    await expectGrpcError(login(user.email, user.password), status.UNAUTHENTICATED);
    await expect(harness.client.reactivateUser({ id: user.id }, { metadata: harness.asAdmin() })).resolves.toMatchObject({ active: true });
    await expect(login(user.email, user.password)).resolves.toMatchObject({ user: { id: user.id } });
    await expectGrpcError(harness.client.reactivateUser({ id: user.id }, { metadata: as(user.id) }), status.PERMISSION_DENIED);
  });
});

describe('SetTemporaryPassword', () => {
  it('replaces the password, ends the sessions and holds it to the policy', async () => {
    const user = await harness.createUser();
    const session = await login(user.email, user.password);
    const temporary = `temporary ${randomUUID().slice(0, 8)} kettle`;
    await harness.client.setTemporaryPassword({ id: user.id, password: temporary }, { metadata: harness.asAdmin() });
    await expectGrpcError(login(user.email, user.password), status.UNAUTHENTICATED);
    await expect(login(user.email, temporary)).resolves.toMatchObject({ user: { id: user.id } });
    await expectGrpcError(harness.client.refreshToken({ refreshToken: session.refreshToken }, { metadata: harness.as() }), status.UNAUTHENTICATED);
    await expectGrpcError(harness.client.setTemporaryPassword({ id: user.id, password: 'short' }, { metadata: harness.asAdmin() }), status.INVALID_ARGUMENT, {
      field: 'password',
    });
    await expectGrpcError(harness.client.setTemporaryPassword({ id: user.id, password: temporary }, { metadata: as(user.id, 'admin') }), status.INVALID_ARGUMENT, { field: 'id' });
  });
});

describe('ChangeOwnPassword', () => {
  it('needs the current password, then the new one works and the old one does not', async () => {
    const user = await harness.createUser();
    const next = `a fresh ${randomUUID().slice(0, 8)} password`;
    await expectGrpcError(harness.client.changeOwnPassword({ currentPassword: 'not it at all', newPassword: next }, { metadata: as(user.id) }), status.INVALID_ARGUMENT, {
      field: 'currentPassword',
    });
    await expectGrpcError(harness.client.changeOwnPassword({ currentPassword: user.password, newPassword: 'short' }, { metadata: as(user.id) }), status.INVALID_ARGUMENT, {
      field: 'newPassword',
    });
    await expect(harness.client.changeOwnPassword({ currentPassword: user.password, newPassword: next }, { metadata: as(user.id) })).resolves.toMatchObject({ id: user.id });
    await expectGrpcError(login(user.email, user.password), status.UNAUTHENTICATED);
    await expect(login(user.email, next)).resolves.toMatchObject({ user: { id: user.id } });
    await expectGrpcError(harness.client.changeOwnPassword({ currentPassword: next, newPassword: user.password }, { metadata: harness.as() }), status.UNAUTHENTICATED);
  });
});
