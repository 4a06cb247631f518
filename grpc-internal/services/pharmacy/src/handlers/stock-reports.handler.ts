/** The stock reports: ListLowStock, ListExpiringLots, ListStockMovements. */
import type {
  ListExpiringLotsRequest__Output,
  ListExpiringLotsResponse,
  ListLowStockRequest__Output,
  ListLowStockResponse,
  ListStockMovementsRequest__Output,
  ListStockMovementsResponse,
} from '@hospital/grpc-contracts';
import { parseRequest } from '@hospital/service-kit';
import { addDays, utcDay } from '../domain/calendar.ts';
import type { PharmacyDeps } from '../pharmacy-deps.ts';
import { listExpiringLotsSchema, listLowStockSchema, listStockMovementsSchema, REPORT_LIMIT } from './stock-reports.schema.ts';
import { toProtoDrug, toProtoLot, toProtoMovement } from './to-proto.ts';

/**
 * Drugs whose unexpired stock is below the threshold, lowest first (at most 500).
 * @param request - the threshold
 * @param deps - catalogue and clock
 */
export async function listLowStockHandler(request: ListLowStockRequest__Output, deps: Pick<PharmacyDeps, 'drugs' | 'now'>): Promise<ListLowStockResponse> {
  const { threshold } = parseRequest(listLowStockSchema, request);
  const today = utcDay(deps.now());
  const drugs = await deps.drugs.lowStock({ threshold, today, limit: REPORT_LIMIT });
  return { drugs: drugs.map((drug) => toProtoDrug(drug, today)) };
}

/**
 * Lots still holding stock that expire within the window, soonest first. Lots already expired
 * are included (flagged): they are still on the shelf and need taking off it.
 * @param request - the window in days
 * @param deps - stock and clock
 */
export async function listExpiringLotsHandler(request: ListExpiringLotsRequest__Output, deps: Pick<PharmacyDeps, 'stock' | 'now'>): Promise<ListExpiringLotsResponse> {
  const { withinDays } = parseRequest(listExpiringLotsSchema, request);
  const today = utcDay(deps.now());
  const lots = await deps.stock.expiringLots({ until: addDays(today, withinDays), limit: REPORT_LIMIT });
  return { lots: lots.map((lot) => toProtoLot(lot, today)) };
}

/**
 * The latest ledger rows of one drug, newest first.
 * @param request - the drug and how many rows
 * @param deps - stock
 */
export async function listStockMovementsHandler(request: ListStockMovementsRequest__Output, deps: Pick<PharmacyDeps, 'stock'>): Promise<ListStockMovementsResponse> {
  const { drugId, first } = parseRequest(listStockMovementsSchema, request);
  const movements = await deps.stock.movements({ drugId, limit: first });
  return { movements: movements.map(toProtoMovement) };
}
