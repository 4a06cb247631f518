/** Account recovery through the real service: search, reactivate, a temporary password from an admin, and changing one's own password. */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import type { RoleName } from '@hospital/service-kit';
import { expectGrpcError, harnessForFile } from '@hospital/service-kit/testing';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { startIdentityHarness } from './testing/identity-harness.ts';

const harness = harnessForFile(() => startIdentityHarness(testDatabaseUrl()));

const as = (userId: string, role: RoleName = 'doctor') => harness.as({ kind: 'user', userId, role, email: 'caller@test.local' });
const login = (email: string, password: string, newPassword = '') => harness.client.login({ email, password, newPassword }, { metadata: harness.as() });
const refresh = (refreshToken: string) => harness.client.refreshToken({ refreshToken }, { metadata: harness.as() });

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
    // The temporary password is right, but opens no session until it is replaced.
    await expectGrpcError(login(user.email, temporary), status.FAILED_PRECONDITION);
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

describe('a temporary password must be changed at the next sign-in', () => {
  it('answers PASSWORD_CHANGE_REQUIRED (no session) until the sign-in brings a new password that passes the policy', async () => {
    const user = await harness.createUser();
    const temporary = `temporary ${randomUUID().slice(0, 8)} kettle`;
    await harness.client.setTemporaryPassword({ id: user.id, password: temporary }, { metadata: harness.asAdmin() });
    const refusal = await login(user.email, temporary).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: status.FAILED_PRECONDITION, details: expect.stringMatching(/choose a new one/) });
    // A wrong password is still just wrong: the requirement is only told to whoever knows the temporary one.
    await expectGrpcError(login(user.email, 'not the temporary one', 'a new kettle orbit lamp'), status.UNAUTHENTICATED);
    // The replacement is held to the policy and must differ from the temporary password.
    await expectGrpcError(login(user.email, temporary, 'short'), status.INVALID_ARGUMENT, { field: 'newPassword' });
    await expectGrpcError(login(user.email, temporary, temporary), status.INVALID_ARGUMENT, { field: 'newPassword' });
    await expectGrpcError(login(user.email, temporary), status.FAILED_PRECONDITION);

    const next = `chosen ${randomUUID().slice(0, 8)} lantern`;
    const session = await login(user.email, temporary, next);
    expect(session.user?.id).toBe(user.id);
    await expect(refresh(session.refreshToken)).resolves.toMatchObject({ user: { id: user.id } });
    // From now on the new password signs in as usual; the temporary one does not.
    await expectGrpcError(login(user.email, temporary), status.UNAUTHENTICATED);
    await expect(login(user.email, next)).resolves.toMatchObject({ user: { id: user.id } });
  });

  it('ignores a newPassword sent with an ordinary sign-in', async () => {
    const user = await harness.createUser();
    await expect(login(user.email, user.password, 'an ignored kettle orbit')).resolves.toMatchObject({ user: { id: user.id } });
    await expect(login(user.email, user.password)).resolves.toMatchObject({ user: { id: user.id } });
  });
});

describe("changing one's own password ends the other sessions", () => {
  it('revokes every refresh token of the user and dates their access tokens out', async () => {
    const user = await harness.createUser();
    const elsewhere = await login(user.email, user.password);
    const here = await login(user.email, user.password);
    const next = `a fresh ${randomUUID().slice(0, 8)} password`;
    await harness.client.changeOwnPassword({ currentPassword: user.password, newPassword: next }, { metadata: as(user.id) });
    await expectGrpcError(refresh(elsewhere.refreshToken), status.UNAUTHENTICATED);
    await expectGrpcError(refresh(here.refreshToken), status.UNAUTHENTICATED);
    const revocations = await harness.client.listTokenRevocations(
      { since: new Date(Date.now() - 60_000).toISOString() },
      { metadata: harness.as({ kind: 'service', service: 'router' }) },
    );
    expect(revocations.revocations.some((r) => r.userId === user.id)).toBe(true);
    // The client signs in again with the new password: a fresh session, dated after the revocation.
    const again = await login(user.email, next);
    await expect(refresh(again.refreshToken)).resolves.toMatchObject({ user: { id: user.id } });
  });
});
