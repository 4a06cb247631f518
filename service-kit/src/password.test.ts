import { describe, expect, it } from 'vitest';
import { createPasswordHashing, decoyPasswordHash, hashPassword, HASHING_BUSY_MESSAGE, HASHING_PER_CLIENT_MESSAGE, verifyPassword } from './password.ts';
import { RetryLaterError } from './errors.ts';

describe('bounded password hashing', () => {
  it('runs at most `concurrency` hashes, queues `queueLimit` more and refuses the rest with SERVICE_UNAVAILABLE', async () => {
    const stored = await hashPassword('a password to check');
    const hashing = createPasswordHashing({ concurrency: 1, queueLimit: 2, maxWaitMs: 60_000 });
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => hashing.verify('a password to check', stored)));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(ok).toHaveLength(3);
    expect(ok.every((r) => r.status === 'fulfilled' && r.value)).toBe(true);
    expect(refused).toHaveLength(3);
    for (const error of refused) {
      expect(error).toBeInstanceOf(RetryLaterError);
      expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: HASHING_BUSY_MESSAGE, retryAfterSeconds: 1 });
    }
    // Slots are handed back: once the burst is over, hashing works again.
    await expect(hashing.verify('wrong', stored)).resolves.toBe(false);
  });
});

describe('bounded password hashing, waiting', () => {
  it('refuses a hash that waited longer than maxWaitMs, and keeps working after', async () => {
    const stored = await hashPassword('a password to check');
    const hashing = createPasswordHashing({ concurrency: 1, queueLimit: 10, maxWaitMs: 1 });
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => hashing.verify('a password to check', stored)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => r.reason)).toEqual(
      Array.from({ length: 3 }, () => expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 })),
    );
    await expect(hashing.verify('a password to check', stored)).resolves.toBe(true);
  });
});

describe('bounded password hashing, per client', () => {
  it('holds a waiting key to `perKeyLimit` queue places (RATE_LIMITED past it) while another key still gets a place', async () => {
    const stored = await hashPassword('a password to check');
    const hashing = createPasswordHashing({ concurrency: 1, queueLimit: 4, maxWaitMs: 60_000, perKeyLimit: 2 });
    const flood = Promise.allSettled(Array.from({ length: 10 }, () => hashing.verify('wrong guess', stored, '203.0.113.9')));
    const other = hashing.verify('a password to check', stored, '198.51.100.7');
    await expect(other).resolves.toBe(true);
    const results = await flood;
    // One in the free slot, two in the key's queue places; the rest refused before queueing.
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(results.filter((r) => r.status === 'rejected').map((r) => r.reason)).toEqual(
      Array.from({ length: 7 }, () => expect.objectContaining({ code: 'RATE_LIMITED', message: HASHING_PER_CLIENT_MESSAGE, retryAfterSeconds: 1 })),
    );
    // The key's share is handed back once its hashes finish.
    await expect(hashing.verify('a password to check', stored, '203.0.113.9')).resolves.toBe(true);
  });

  it('lets one address use every free slot (staff behind one NAT at a shift change), holding it to its share only once it would queue', async () => {
    const stored = await hashPassword('a password to check');
    const hashing = createPasswordHashing({ concurrency: 4, queueLimit: 8, maxWaitMs: 60_000, perKeyLimit: 2 });
    const shift = await Promise.allSettled(Array.from({ length: 6 }, () => hashing.verify('a password to check', stored, '192.0.2.1')));
    // Four free slots and two queue places for the address's share: all six signed in.
    expect(shift.filter((r) => r.status === 'fulfilled')).toHaveLength(6);
  });
});

describe('decoyPasswordHash', () => {
  it('is a well-formed hash with the real parameters (same scrypt work to check) that no password matches', async () => {
    const decoy = decoyPasswordHash();
    const real = await hashPassword('correct horse battery staple');
    expect(decoy.split('$').slice(0, 4)).toEqual(real.split('$').slice(0, 4));
    expect(Buffer.from(decoy.split('$')[5]!, 'base64')).toHaveLength(Buffer.from(real.split('$')[5]!, 'base64').length);
    expect(decoyPasswordHash()).not.toBe(decoy);
    expect(await verifyPassword('correct horse battery staple', decoy)).toBe(false);
    expect(await verifyPassword('', decoy)).toBe(false);
  });
});
