/**
 * First-expiry-first-out allocation: which lots a dispensing takes its units from. Pure, so the
 * rule is tested on its own; the repository applies the result to rows it holds locked.
 */
import { isExpired } from './calendar.ts';

/** A lot as allocation sees it. */
export interface AllocatableLot {
  /** Lot id (ties on expiry are broken by id, so the order is total and repeatable). */
  id: string;
  /** Units on hand. */
  quantity: number;
  /** Last day of use, YYYY-MM-DD. */
  expiresOn: string;
}

/** Units taken from one lot. */
export interface Allocation {
  /** The lot. */
  lotId: string;
  /** Units taken (positive). */
  quantity: number;
}

/** What allocation decided. */
export type AllocationResult = { ok: true; allocations: Allocation[] } | { ok: false; available: number };

/**
 * The lots to take `needed` units from: unexpired lots only, earliest expiry first, emptying
 * each before moving to the next. All or nothing: when the unexpired stock is short, nothing is
 * allocated and the result says how much there is.
 * @param lots - the drug's lots, in any order
 * @param needed - units to dispense (positive)
 * @param today - the current day, YYYY-MM-DD
 */
export function allocateFefo(lots: readonly AllocatableLot[], needed: number, today: string): AllocationResult {
  if (!Number.isInteger(needed) || needed <= 0) throw new RangeError('needed must be a positive integer');
  const usable = lots
    .filter((lot) => lot.quantity > 0 && !isExpired(lot.expiresOn, today))
    .sort((a, b) => (a.expiresOn === b.expiresOn ? compare(a.id, b.id) : compare(a.expiresOn, b.expiresOn)));
  const available = usable.reduce((sum, lot) => sum + lot.quantity, 0);
  if (available < needed) return { ok: false, available };
  const allocations: Allocation[] = [];
  let remaining = needed;
  for (const lot of usable) {
    if (remaining === 0) break;
    const take = Math.min(lot.quantity, remaining);
    allocations.push({ lotId: lot.id, quantity: take });
    remaining -= take;
  }
  return { ok: true, allocations };
}

/** Code-unit order, the same for every locale (the database sorts uuids the same way). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
