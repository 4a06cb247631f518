import { describe, expect, it } from 'vitest';
import { DeliveryQueue, SubscriberTooSlowError } from './delivery-queue.ts';

const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('DeliveryQueue', () => {
  it('yields in push order even when a later result settles first', async () => {
    const queue = new DeliveryQueue<string>(10, () => {});
    queue.push(later('a', 30));
    queue.push(Promise.resolve('b'));
    expect([(await queue.next()).value, (await queue.next()).value]).toEqual(['a', 'b']);
  });

  it('overflows once: the reader gets what was queued, then the error; leave and overflow are told once', async () => {
    let left = 0;
    let overflowed = 0;
    const queue = new DeliveryQueue<number>(
      2,
      () => (left += 1),
      () => (overflowed += 1),
    );
    for (const n of [1, 2, 3, 4]) queue.push(Promise.resolve(n));
    expect([left, overflowed]).toEqual([1, 1]);
    expect((await queue.next()).value).toBe(1);
    expect((await queue.next()).value).toBe(2);
    await expect(queue.next()).rejects.toBeInstanceOf(SubscriberTooSlowError);
  });

  it('ends a waiting reader on return and tells the group once', async () => {
    let left = 0;
    const queue = new DeliveryQueue<number>(2, () => (left += 1));
    const waiting = queue.next();
    await queue.return();
    await queue.return();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(left).toBe(1);
  });
});
