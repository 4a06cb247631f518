import { describe, expect, it } from 'vitest';
import { createPasswordHashing, hashPassword, HASHING_BUSY_MESSAGE } from './password.ts';
import { RetryLaterError } from './errors.ts';

describe('bounded password hashing', () => {
  it('runs at most `concurrency` hashes, queues `queueLimit` more and refuses the rest with SERVICE_UNAVAILABLE', async () => {
    const stored = await hashPassword('a password to check');
    const hashing = createPasswordHashing({ concurrency: 1, queueLimit: 2 });
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
