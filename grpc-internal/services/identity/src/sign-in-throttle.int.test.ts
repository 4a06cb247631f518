/**
 * Sign-in abuse through the real identity service and PostgreSQL: no lock anyone can trigger,
 * identical answers for every kind of wrong sign-in, throttling per (email, address), per address
 * and per account that never depends on whether the email exists, an admin's unlock, and bounded
 * password hashing that answers UNAVAILABLE instead of failing.
 */
import { status, type ServiceError } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETRY_AFTER_METADATA_KEY } from '@hospital/service-kit';
import { expectGrpcError } from '@hospital/service-kit/testing';
import { useOwnDatabase } from '../../../../test/own-database.ts';
import { accountSlowdownMs, INVALID_CREDENTIALS, throttleKeys, TOO_MANY_ATTEMPTS } from './domain/login-throttle.ts';
import { startIdentityHarness, type IdentityHarness } from './testing/identity-harness.ts';
import { PrismaLoginThrottleRepository } from './repositories/prisma-login-throttle-repository.ts';

let harness: IdentityHarness;
// A database of its own: the pruning test deletes every stale counter, which would release the
// throttles other files' sign-in tests are holding in the run's database.
const own = useOwnDatabase();
const throttle = { freeFailures: 3, baseDelaySeconds: 30, maxDelaySeconds: 60, addressLimit: 12, accountLimit: 8, maxSlowdownSeconds: 1, windowSeconds: 900 };

beforeAll(async () => {
  harness = await startIdentityHarness(own.database.url, { loginThrottle: throttle });
});
afterAll(async () => {
  await harness?.close();
});

/** A sign-in from a client address, as the router would forward it. */
const loginFrom = (ip: string, email: string, password: string) => harness.client.login({ email, password }, { metadata: harness.as(undefined, { ip }) });
let nextAddress = 0;
/** A client address no other test uses. */
const freshAddress = () => `10.${Math.floor(++nextAddress / 250)}.${nextAddress % 250}.7`;
const retryAfter = (error: ServiceError) => Number(error.metadata.get(RETRY_AFTER_METADATA_KEY)[0]);

async function median(times: number, run: () => Promise<unknown>): Promise<number> {
  const took: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run().catch(() => undefined);
    took.push(performance.now() - started);
  }
  return took.sort((a, b) => a - b)[Math.floor(times / 2)] as number;
}

describe('wrong sign-ins', () => {
  it('answer a wrong password, an unknown email and a deactivated account (right password) with one message and the same work', async () => {
    const user = await harness.createUser();
    const leaver = await harness.createUser();
    await harness.client.deactivateUser({ id: leaver.id }, { metadata: harness.asAdmin() });
    const unknown = `nobody-${Date.now()}@test.local`;
    const attempts = [
      () => loginFrom(freshAddress(), user.email, 'wrong password!'),
      () => loginFrom(freshAddress(), unknown, 'wrong password!'),
      () => loginFrom(freshAddress(), leaver.email, leaver.password),
    ];
    for (const attempt of attempts) await expectGrpcError(attempt(), status.UNAUTHENTICATED, { message: INVALID_CREDENTIALS });
    // Each path checks one password and writes the same counters: timing cannot tell them apart.
    const wrong = await median(5, () => loginFrom(freshAddress(), user.email, 'wrong password!'));
    const timings = [await median(5, () => loginFrom(freshAddress(), unknown, 'wrong password!')), await median(5, () => loginFrom(freshAddress(), leaver.email, leaver.password))];
    for (const took of timings) {
      expect(took).toBeGreaterThan(wrong / 3);
      expect(took).toBeLessThan(wrong * 3);
    }
  });
});

describe('throttling', () => {
  it('slows one address on one account with a growing delay, while the owner signs in from another address', async () => {
    const user = await harness.createUser();
    const attacker = freshAddress();
    for (let i = 0; i < throttle.freeFailures; i++) await expectGrpcError(loginFrom(attacker, user.email, `guess number ${i}!`), status.UNAUTHENTICATED);
    // Refused before the password is checked, even the right one: a guess during the delay teaches nothing.
    const held = await expectGrpcError(loginFrom(attacker, user.email, user.password), status.RESOURCE_EXHAUSTED, { message: TOO_MANY_ATTEMPTS });
    expect(retryAfter(held)).toBeGreaterThan(throttle.baseDelaySeconds - 5);
    expect(retryAfter(held)).toBeLessThanOrEqual(throttle.baseDelaySeconds);
    await expect(loginFrom(freshAddress(), user.email, user.password)).resolves.toMatchObject({ user: { id: user.id } });
  });

  it('treats an unknown email exactly like a real one, so a 429 reveals nothing', async () => {
    const attacker = freshAddress();
    const email = `ghost-${Date.now()}@test.local`;
    for (let i = 0; i < throttle.freeFailures; i++)
      await expectGrpcError(loginFrom(attacker, email, `guess number ${i}!`), status.UNAUTHENTICATED, { message: INVALID_CREDENTIALS });
    const held = await expectGrpcError(loginFrom(attacker, email, 'one more guess!'), status.RESOURCE_EXHAUSTED, { message: TOO_MANY_ATTEMPTS });
    expect(retryAfter(held)).toBeGreaterThan(throttle.baseDelaySeconds - 5);
  });

  it('never locks an account past its failure budget: new addresses are slowed down and delayed from their first failure', async () => {
    const user = await harness.createUser();
    const home = freshAddress();
    await loginFrom(home, user.email, user.password);
    // A spray: one guess from each of many addresses, so no pair is ever slowed down.
    for (let i = 0; i < throttle.accountLimit; i++) await expectGrpcError(loginFrom(freshAddress(), user.email, `spray guess ${i}!`), status.UNAUTHENTICATED);
    // The owner on a new address still gets in, after a slowdown of the answer.
    const started = performance.now();
    await expect(loginFrom(freshAddress(), user.email, user.password)).resolves.toMatchObject({ user: { id: user.id } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(throttle.maxSlowdownSeconds * 1000 - 50);
    // A guesser on a new address has no free failures left: its second try waits.
    const guesser = freshAddress();
    await expectGrpcError(loginFrom(guesser, user.email, 'one more guess!'), status.UNAUTHENTICATED);
    await expectGrpcError(loginFrom(guesser, user.email, user.password), status.RESOURCE_EXHAUSTED, { message: TOO_MANY_ATTEMPTS });
    await expect(loginFrom(home, user.email, user.password)).resolves.toMatchObject({ user: { id: user.id } });
  });

  it('keeps an address the owner signed in from known for 90 days, through the pruning of stale counters', async () => {
    const user = await harness.createUser();
    const home = freshAddress();
    await loginFrom(home, user.email, user.password);
    for (let i = 0; i < throttle.accountLimit; i++) await expectGrpcError(loginFrom(freshAddress(), user.email, `spray guess ${i}!`), status.UNAUTHENTICATED);
    // Prune everything untouched until a minute from now, as a day of quiet would.
    const repository = new PrismaLoginThrottleRepository(own.db);
    await repository.prune(new Date(Date.now() + 60_000));
    for (let i = 0; i < throttle.accountLimit; i++) await expectGrpcError(loginFrom(freshAddress(), user.email, `spray again ${i}!`), status.UNAUTHENTICATED);
    // The slowdown is decided from these counters; read them rather than time a loaded machine.
    expect(accountSlowdownMs(await repository.begin(throttleKeys(user.email, home), throttle.windowSeconds), throttle)).toBe(0);
    expect(accountSlowdownMs(await repository.begin(throttleKeys(user.email, freshAddress()), throttle.windowSeconds), throttle)).toBeGreaterThan(0);
    await expect(loginFrom(home, user.email, user.password)).resolves.toMatchObject({ user: { id: user.id } });
  });

  it('counts an IPv6 client by its /64: a fresh address in it is the same address', async () => {
    const user = await harness.createUser();
    for (let i = 0; i < throttle.freeFailures; i++) await expectGrpcError(loginFrom(`2001:db8:77:1::${i + 1}`, user.email, `guess number ${i}!`), status.UNAUTHENTICATED);
    await expectGrpcError(loginFrom('2001:db8:77:1:abcd::99', user.email, user.password), status.RESOURCE_EXHAUSTED, { message: TOO_MANY_ATTEMPTS });
  });

  it('limits the attempts of one address across emails', async () => {
    const attacker = freshAddress();
    for (let i = 0; i < throttle.addressLimit; i++) await expectGrpcError(loginFrom(attacker, `stuffing-${i}@test.local`, 'a leaked password'), status.UNAUTHENTICATED);
    await expectGrpcError(loginFrom(attacker, 'stuffing-last@test.local', 'a leaked password'), status.RESOURCE_EXHAUSTED, { message: TOO_MANY_ATTEMPTS });
  });
});

describe('UnlockUser', () => {
  it('lets an admin clear the delays and the account budget; nobody else may', async () => {
    const user = await harness.createUser();
    const attacker = freshAddress();
    for (let i = 0; i < throttle.freeFailures; i++) await expectGrpcError(loginFrom(attacker, user.email, `guess number ${i}!`), status.UNAUTHENTICATED);
    await expectGrpcError(loginFrom(attacker, user.email, user.password), status.RESOURCE_EXHAUSTED);

    const doctor = harness.as({ kind: 'user', userId: user.id, role: 'doctor', email: user.email });
    await expectGrpcError(harness.client.unlockUser({ id: user.id }, { metadata: doctor }), status.PERMISSION_DENIED);
    await expectGrpcError(harness.client.unlockUser({ id: '00000000-0000-4000-8000-000000000000' }, { metadata: harness.asAdmin() }), status.NOT_FOUND);
    await expect(harness.client.unlockUser({ id: user.id }, { metadata: harness.asAdmin() })).resolves.toMatchObject({ id: user.id });
    await expect(loginFrom(attacker, user.email, user.password)).resolves.toMatchObject({ user: { id: user.id } });
  });
});

describe('UnlockUser after a spray', () => {
  it('restarts the account budget: old failures no longer slow a new address down', async () => {
    const user = await harness.createUser();
    for (let i = 0; i < throttle.accountLimit; i++) await expectGrpcError(loginFrom(freshAddress(), user.email, `spray guess ${i}!`), status.UNAUTHENTICATED);
    const stranger = freshAddress();
    const repository = new PrismaLoginThrottleRepository(own.db);
    expect(accountSlowdownMs(await repository.begin(throttleKeys(user.email, stranger), throttle.windowSeconds), throttle)).toBeGreaterThan(0);
    await harness.client.unlockUser({ id: user.id }, { metadata: harness.asAdmin() });
    // Counters, not a stopwatch: a loaded CI host makes any sign-in take over a second.
    expect(accountSlowdownMs(await repository.begin(throttleKeys(user.email, stranger), throttle.windowSeconds), throttle)).toBe(0);
    await expect(loginFrom(stranger, user.email, user.password)).resolves.toMatchObject({ user: { id: user.id } });
  });
});

describe('password hashing under a flood', () => {
  it('holds one address to its own share of hashing: its flood gets 429, a sign-in from elsewhere goes through', async () => {
    const busy = await startIdentityHarness(own.database.url, { hashing: { concurrency: 1, queueLimit: 4, maxWaitMs: 5_000 } });
    try {
      const user = await busy.createUser();
      const flood = Promise.allSettled(
        Array.from({ length: 12 }, (_, i) =>
          busy.client.login({ email: `flood-${i}@test.local`, password: 'flood password' }, { metadata: busy.as(undefined, { ip: '10.201.0.1' }) }),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      const owner = busy.client.login({ email: user.email, password: user.password }, { metadata: busy.as(undefined, { ip: '10.202.0.1' }) });
      await expect(owner).resolves.toMatchObject({ user: { id: user.id } });
      const codes = (await flood).map((r) => (r.status === 'rejected' ? (r.reason as ServiceError).code : status.OK));
      // One slot and two queue places for the flooding address, the rest refused 429 (nine when all
      // twelve arrive inside one hash; the exact split is password.test.ts's, with no network).
      expect(codes.filter((code) => code === status.RESOURCE_EXHAUSTED).length).toBeGreaterThanOrEqual(6);
      expect(codes.every((code) => code === status.UNAUTHENTICATED || code === status.RESOURCE_EXHAUSTED)).toBe(true);
    } finally {
      await busy.close();
    }
  });

  it('answers UNAVAILABLE with a retry delay once the queue is full, never INTERNAL', async () => {
    const busy = await startIdentityHarness(own.database.url, { hashing: { concurrency: 1, queueLimit: 1 } });
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) =>
          busy.client.login({ email: `flood-${i}@test.local`, password: 'flood password' }, { metadata: busy.as(undefined, { ip: `10.200.0.${i}` }) }),
        ),
      );
      const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as ServiceError).code : status.OK));
      expect(codes.every((code) => code === status.UNAUTHENTICATED || code === status.UNAVAILABLE)).toBe(true);
      const refused = results.flatMap((r) => (r.status === 'rejected' && (r.reason as ServiceError).code === status.UNAVAILABLE ? [r.reason as ServiceError] : []));
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((e) => retryAfter(e) === 1)).toBe(true);
    } finally {
      await busy.close();
    }
  });
});
