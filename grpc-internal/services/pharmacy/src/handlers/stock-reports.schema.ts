/** Validation of the stock reports: ListLowStock, ListExpiringLots, ListStockMovements. */
import { z } from 'zod';
import { uuidSchema } from '@hospital/service-kit';
import { intSchema } from './pharmacy-fields.schema.ts';

/** Rows a report returns at most; reports are read on screen, not exported. */
export const REPORT_LIMIT = 500;

/** The low-stock threshold. */
export const listLowStockSchema = z.object({ threshold: intSchema('Threshold', 1, 10_000_000) });

/** The expiry window in days (0 = expiring today or already expired). */
export const listExpiringLotsSchema = z.object({ withinDays: intSchema('withinDays', 0, 3650) });

/** A drug's ledger and how many rows (0 = default 50). */
export const listStockMovementsSchema = z.object({
  drugId: uuidSchema,
  first: intSchema('first', 0, 1_000_000).transform((first) => Math.min(first || 50, 100)),
});
