/** Login, sessions in tokens, refresh rotation with reuse detection, and logout through the real service. */
import { status } from '@grpc/grpc-js';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { expectGrpcError } from '@hospital/service-kit/testing';
import { startIdentityHarness, type IdentityHarness } from './testing/identity-harness.ts';

let harness: IdentityHarness;

beforeAll(async () => {
  harness = await startIdentityHarness(testDatabaseUrl());
});
afterAll(async () => {
  await harness?.close();
});

const login = (email: string, password: string) => harness.client.login({ email, password }, { metadata: harness.as() });
const refresh = (refreshToken: string) => harness.client.refreshToken({ refreshToken }, { metadata: harness.as() });

describe('Login', () => {
  it('signs in case-insensitively and issues an ES256 token the public key verifies', async () => {
    const user = await harness.createUser({ role: 'ROLE_PHARMACIST' });
    const payload = await login(`  ${user.email.toUpperCase()} `, user.password);
    expect(payload.user).toMatchObject({ id: user.id, email: user.email, role: 'ROLE_PHARMACIST', active: true });
    expect(payload.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { header, payload: claims } = jwt.verify(payload.accessToken, harness.publicKey, {
      algorithms: ['ES256'],
      issuer: harness.config.jwt.issuer,
      audience: harness.config.jwt.audience,
      complete: true,
    }) as jwt.Jwt & { payload: jwt.JwtPayload };
    expect(header.kid).toBe(harness.config.jwt.keyId);
    expect(claims).toMatchObject({ sub: user.id, role: 'pharmacist', email: user.email });
    expect(new Date(payload.expiresAt).getTime()).toBe((claims.exp ?? 0) * 1000);
  });

  it('carries the session in the token: sid is the refresh-token family, kept across refreshes', async () => {
    const user = await harness.createUser();
    const first = await login(user.email, user.password);
    const second = await refresh(first.refreshToken);
    const other = await login(user.email, user.password);
    const sid = (token: string) => (jwt.decode(token) as jwt.JwtPayload)['sid'] as string;
    expect(sid(first.accessToken)).toMatch(/^[0-9a-f-]{36}$/);
    expect(sid(second.accessToken)).toBe(sid(first.accessToken));
    expect(sid(other.accessToken)).not.toBe(sid(first.accessToken));
  });

  it('resets the failure count on success', async () => {
    const user = await harness.createUser();
    const belowThreshold = (harness.config.loginThrottle?.freeFailures ?? 5) - 1;
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < belowThreshold; i++) await expectGrpcError(login(user.email, 'wrong password!'), status.UNAUTHENTICATED);
      await expect(login(user.email, user.password)).resolves.toMatchObject({ user: { id: user.id } });
    }
  });
});

describe('RefreshToken', () => {
  it('rotates: the new token works, the old one is spent', async () => {
    const user = await harness.createUser();
    const first = await login(user.email, user.password);
    const second = await refresh(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.user?.id).toBe(user.id);
    const third = await refresh(second.refreshToken);
    expect(third.user?.id).toBe(user.id);
  });

  it('revokes the whole session when a spent token is presented again', async () => {
    const user = await harness.createUser();
    const first = await login(user.email, user.password);
    const second = await refresh(first.refreshToken);
    await expectGrpcError(refresh(first.refreshToken), status.UNAUTHENTICATED);
    // The thief or the victim holds `second`; either way the session is over.
    await expectGrpcError(refresh(second.refreshToken), status.UNAUTHENTICATED);
  });

  it('lets exactly one of two concurrent refreshes win', async () => {
    const user = await harness.createUser();
    const { refreshToken } = await login(user.email, user.password);
    const results = await Promise.allSettled([refresh(refreshToken), refresh(refreshToken), refresh(refreshToken)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as { code: number }).code).toBe(status.UNAUTHENTICATED);
  });

  it('refuses garbage, and sessions of deactivated users', async () => {
    await expectGrpcError(refresh('not-a-token'), status.UNAUTHENTICATED);
    await expectGrpcError(refresh('A'.repeat(43)), status.UNAUTHENTICATED);
    await expectGrpcError(refresh(''), status.INVALID_ARGUMENT, { field: 'refreshToken' });
    const user = await harness.createUser();
    const { refreshToken } = await login(user.email, user.password);
    await harness.client.deactivateUser({ id: user.id }, { metadata: harness.asAdmin() });
    await expectGrpcError(refresh(refreshToken), status.UNAUTHENTICATED);
  });
});

describe('Logout', () => {
  it('revokes the session once, and is not an error afterwards', async () => {
    const user = await harness.createUser();
    const first = await login(user.email, user.password);
    const second = await refresh(first.refreshToken);
    const logout = (refreshToken: string) => harness.client.logout({ refreshToken }, { metadata: harness.as() });
    await expect(logout(second.refreshToken)).resolves.toEqual({ revoked: true });
    await expectGrpcError(refresh(second.refreshToken), status.UNAUTHENTICATED);
    await expect(logout(second.refreshToken)).resolves.toEqual({ revoked: false });
    await expect(logout('B'.repeat(43))).resolves.toEqual({ revoked: false });
    await expect(logout('junk')).resolves.toEqual({ revoked: false });
  });
});
