/** User administration, role admissions and health through the real service. */
import { randomUUID } from 'node:crypto';
import { Metadata, status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { signIdentity, type Caller } from '@hospital/service-kit';
import { callMetadata, checkHealth } from '@hospital/service-kit/grpc';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { IDENTITY_SERVICE_NAME } from './service.ts';
import { expectGrpcError, harnessForFile } from '@hospital/service-kit/testing';
import { startIdentityHarness } from './testing/identity-harness.ts';

const harness = harnessForFile(() => startIdentityHarness(testDatabaseUrl()));

const userCaller = (role: 'admin' | 'doctor', userId: string = randomUUID()): Caller => ({ kind: 'user', userId, role, email: 'caller@test.local' });

describe('admissions', () => {
  it('refuses calls without the router identity, or with one signed by another secret', async () => {
    await expectGrpcError(harness.client.login({ email: 'a@b.c', password: 'x' }, { metadata: new Metadata() }), status.UNAUTHENTICATED);
    const forged = callMetadata(signIdentity(userCaller('admin'), 'another-secret-that-is-long-enough-0000'), randomUUID());
    await expectGrpcError(harness.client.listUsers({}, { metadata: forged }), status.UNAUTHENTICATED);
  });

  it('needs a signed-in user for GetUsers and an admin for user management', async () => {
    await expectGrpcError(harness.client.getUsers({ ids: [] }, { metadata: harness.as() }), status.UNAUTHENTICATED);
    await expect(harness.client.getUsers({ ids: [] }, { metadata: harness.as(userCaller('doctor')) })).resolves.toEqual({ users: [] });
    const doctor = harness.as(userCaller('doctor'));
    await expectGrpcError(harness.client.listUsers({}, { metadata: doctor }), status.PERMISSION_DENIED);
    const request = { email: `x-${randomUUID()}@test.local`, password: 'long enough password', displayName: 'X', role: 'ROLE_ADMIN' as const };
    await expectGrpcError(harness.client.createUser(request, { metadata: doctor }), status.PERMISSION_DENIED);
  });
});

describe('CreateUser', () => {
  it('stores a lower-cased email and refuses a duplicate in any case', async () => {
    const email = `Mixed-${randomUUID()}@Test.Local`;
    const request = { email, password: 'long enough password', displayName: '  Dr. Who ', role: 'ROLE_DOCTOR' as const };
    const created = await harness.client.createUser(request, { metadata: harness.asAdmin() });
    expect(created).toMatchObject({ email: email.toLowerCase(), displayName: 'Dr. Who', role: 'ROLE_DOCTOR', active: true });
    expect(Date.parse(created.createdAt)).not.toBeNaN();
    await expectGrpcError(harness.client.createUser({ ...request, email: email.toUpperCase() }, { metadata: harness.asAdmin() }), status.ALREADY_EXISTS);
  });

  it.each([
    [{ email: 'not-an-email' }, 'email'],
    [{ password: 'too short' }, 'password'],
    [{ displayName: '   ' }, 'displayName'],
    [{ displayName: 'x'.repeat(201) }, 'displayName'],
    [{ role: 'ROLE_UNSPECIFIED' as const }, 'role'],
  ])('refuses %o', async (override, field) => {
    const request = { email: `v-${randomUUID()}@test.local`, password: 'long enough password', displayName: 'V', role: 'ROLE_FINANCE' as const, ...override };
    await expectGrpcError(harness.client.createUser(request, { metadata: harness.asAdmin() }), status.INVALID_ARGUMENT, { field });
  });
});

describe('ChangeUserRole and DeactivateUser', () => {
  it('changes a role, and the next session carries it', async () => {
    const user = await harness.createUser({ role: 'ROLE_DOCTOR' });
    const changed = await harness.client.changeUserRole({ id: user.id, role: 'ROLE_WARD_STAFF' }, { metadata: harness.asAdmin() });
    expect(changed.role).toBe('ROLE_WARD_STAFF');
    const session = await harness.client.login({ email: user.email, password: user.password }, { metadata: harness.as() });
    expect(session.user?.role).toBe('ROLE_WARD_STAFF');
  });

  it('keeps an admin from demoting or deactivating themselves', async () => {
    const admin = await harness.createUser({ role: 'ROLE_ADMIN' });
    const self = harness.as(userCaller('admin', admin.id));
    await expectGrpcError(harness.client.changeUserRole({ id: admin.id, role: 'ROLE_DOCTOR' }, { metadata: self }), status.INVALID_ARGUMENT, { field: 'role' });
    await expectGrpcError(harness.client.deactivateUser({ id: admin.id }, { metadata: self }), status.INVALID_ARGUMENT, { field: 'id' });
    await expect(harness.client.changeUserRole({ id: admin.id, role: 'ROLE_ADMIN' }, { metadata: self })).resolves.toMatchObject({ role: 'ROLE_ADMIN' });
  });

  it('answers NOT_FOUND for unknown ids and BAD_USER_INPUT for malformed ones', async () => {
    await expectGrpcError(harness.client.changeUserRole({ id: randomUUID(), role: 'ROLE_DOCTOR' }, { metadata: harness.asAdmin() }), status.NOT_FOUND);
    await expectGrpcError(harness.client.deactivateUser({ id: randomUUID() }, { metadata: harness.asAdmin() }), status.NOT_FOUND);
    await expectGrpcError(harness.client.changeUserRole({ id: 'nope', role: 'ROLE_DOCTOR' }, { metadata: harness.asAdmin() }), status.INVALID_ARGUMENT, { field: 'id' });
  });

  it('deactivates idempotently', async () => {
    const user = await harness.createUser();
    await expect(harness.client.deactivateUser({ id: user.id }, { metadata: harness.asAdmin() })).resolves.toMatchObject({ active: false });
    await expect(harness.client.deactivateUser({ id: user.id }, { metadata: harness.asAdmin() })).resolves.toMatchObject({ active: false });
  });
});

describe('GetUsers and ListUsers', () => {
  it('returns users in request order and leaves unknown ids out', async () => {
    const [a, b] = [await harness.createUser(), await harness.createUser()];
    const { users } = await harness.client.getUsers({ ids: [b.id, randomUUID(), a.id] }, { metadata: harness.as(userCaller('doctor')) });
    expect(users.map((u) => u.id)).toEqual([b.id, a.id]);
    await expectGrpcError(harness.client.getUsers({ ids: ['x'] }, { metadata: harness.asAdmin() }), status.INVALID_ARGUMENT, { field: 'ids' });
  });

  it('pages by (email, id) with cursors, a role filter and a total', async () => {
    const prefix = `page-${randomUUID().slice(0, 8)}`;
    const mine = [];
    for (let i = 0; i < 5; i++) mine.push(await harness.createUser({ role: 'ROLE_FINANCE', emailPrefix: prefix }));
    const seen: string[] = [];
    let after = '';
    let total = 0;
    for (let guard = 0; guard < 1000; guard++) {
      const page = await harness.client.listUsers({ role: 'ROLE_FINANCE', page: { first: 2, after } }, { metadata: harness.asAdmin() });
      expect(page.users.length).toBeLessThanOrEqual(2);
      expect(page.cursors).toHaveLength(page.users.length);
      expect(page.users.every((u) => u.role === 'ROLE_FINANCE')).toBe(true);
      seen.push(...page.users.map((u) => u.email));
      total = page.pageInfo!.totalCount;
      if (!page.pageInfo!.hasNextPage) break;
      after = page.pageInfo!.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    // Mine differ only in a UUID at the same place, so any collation sorts them as JS does.
    const myEmails = mine.map((u) => u.email);
    expect(seen.filter((email) => myEmails.includes(email))).toEqual([...myEmails].sort());
    expect(total).toBeGreaterThanOrEqual(mine.length);
  });

  it('validates page arguments', async () => {
    const admin = { metadata: harness.asAdmin() };
    await expectGrpcError(harness.client.listUsers({ page: { first: -1 } }, admin), status.INVALID_ARGUMENT, { field: 'first' });
    await expectGrpcError(harness.client.listUsers({ page: { after: 'garbage' } }, admin), status.INVALID_ARGUMENT, { field: 'after' });
    const big = await harness.client.listUsers({ page: { first: 1000 } }, admin);
    expect(big.users.length).toBeLessThanOrEqual(100);
  });
});

describe('health', () => {
  it('answers SERVING for the server and the service', async () => {
    await expect(checkHealth(harness.target)).resolves.toBe('SERVING');
    await expect(checkHealth(harness.target, IDENTITY_SERVICE_NAME)).resolves.toBe('SERVING');
  });
});
