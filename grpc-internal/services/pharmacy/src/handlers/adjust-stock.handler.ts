/** AdjustStock: a counted correction to a lot, with its reason in the ledger. */
import type { AdjustStockRequest__Output, StockLot } from '@hospital/grpc-contracts';
import { conflict, invalidInput, notFound, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { utcDay } from '../domain/calendar.ts';
import type { PharmacyDeps } from '../pharmacy-deps.ts';
import { adjustStockSchema } from './adjust-stock.schema.ts';
import { actorOf } from './pharmacy-fields.schema.ts';
import { toProtoLot } from './to-proto.ts';

/**
 * Adds the signed delta to a lot. Going below zero is CONFLICT: the check and the update are
 * one statement, so two concurrent corrections cannot both pass it.
 * @param request - lot, delta, reason
 * @param deps - stock and clock
 * @param scope - the caller (recorded in the ledger) and logger
 */
export async function adjustStockHandler(request: AdjustStockRequest__Output, deps: Pick<PharmacyDeps, 'stock' | 'now'>, scope: CallScope): Promise<StockLot> {
  const adjustment = parseRequest(adjustStockSchema, request);
  const outcome = await deps.stock.adjust({ ...adjustment, actorId: actorOf(scope) });
  switch (outcome.kind) {
    case 'unknown-lot':
      throw notFound('No stock lot with this id.');
    case 'insufficient':
      throw conflict(`The lot holds ${outcome.onHand} units; taking ${-adjustment.delta} would leave it below zero.`);
    case 'too-large':
      throw invalidInput('This adjustment would take the lot beyond the largest quantity a lot can hold.', 'delta');
    case 'adjusted':
      // The reason is free text a user typed: it stays in the ledger, out of the logs.
      scope.logger.info({ lotId: adjustment.lotId, delta: adjustment.delta }, 'stock adjusted');
      return toProtoLot(outcome.lot, utcDay(deps.now()));
  }
}
