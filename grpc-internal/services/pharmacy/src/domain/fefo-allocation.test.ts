import { describe, expect, it } from 'vitest';
import { allocateFefo, type AllocatableLot } from './fefo-allocation.ts';

const today = '2026-06-15';
const lot = (id: string, quantity: number, expiresOn: string): AllocatableLot => ({ id, quantity, expiresOn });

describe('allocateFefo', () => {
  it('takes from the lot that expires first, then the next', () => {
    const lots = [lot('c', 50, '2027-01-01'), lot('a', 10, '2026-07-01'), lot('b', 20, '2026-09-01')];
    expect(allocateFefo(lots, 25, today)).toEqual({
      ok: true,
      allocations: [
        { lotId: 'a', quantity: 10 },
        { lotId: 'b', quantity: 15 },
      ],
    });
  });

  it('never touches expired lots, but may use a lot on its expiry day', () => {
    const lots = [lot('old', 100, '2026-06-14'), lot('today', 3, '2026-06-15'), lot('later', 5, '2026-08-01')];
    expect(allocateFefo(lots, 4, today)).toEqual({
      ok: true,
      allocations: [
        { lotId: 'today', quantity: 3 },
        { lotId: 'later', quantity: 1 },
      ],
    });
    expect(allocateFefo(lots, 9, today)).toEqual({ ok: false, available: 8 });
  });

  it('is all or nothing and reports what is available', () => {
    expect(allocateFefo([lot('a', 2, '2027-01-01'), lot('b', 0, '2027-01-01')], 3, today)).toEqual({ ok: false, available: 2 });
    expect(allocateFefo([], 1, today)).toEqual({ ok: false, available: 0 });
  });

  it('breaks expiry ties by lot id, so concurrent dispensers agree on the order', () => {
    const lots = [lot('b', 5, '2026-12-01'), lot('a', 5, '2026-12-01')];
    expect(allocateFefo(lots, 6, today)).toEqual({
      ok: true,
      allocations: [
        { lotId: 'a', quantity: 5 },
        { lotId: 'b', quantity: 1 },
      ],
    });
  });

  it('uses exactly the stock there is', () => {
    expect(allocateFefo([lot('a', 4, '2027-01-01'), lot('b', 6, '2027-02-01')], 10, today)).toMatchObject({ ok: true });
  });

  it('refuses a non-positive or fractional need', () => {
    expect(() => allocateFefo([], 0, today)).toThrow(RangeError);
    expect(() => allocateFefo([], 1.5, today)).toThrow(RangeError);
  });
});
