/** ReceiveStock: a delivery into a lot, written to the ledger. */
import type { ReceiveStockRequest__Output, StockLot } from '@hospital/grpc-contracts';
import { invalidInput, notFound, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { isExpired, utcDay } from '../domain/calendar.ts';
import type { PharmacyDeps } from '../pharmacy-deps.ts';
import { actorOf } from './pharmacy-fields.schema.ts';
import { receiveStockSchema } from './receive-stock.schema.ts';
import { toProtoLot } from './to-proto.ts';

/**
 * Receives stock. A new lot number creates the lot; a known one is topped up when its expiry
 * matches, and refused (BAD_USER_INPUT on expiresOn) when it does not, since one lot number
 * cannot carry two expiry dates. Stock that has already expired is never received.
 * @param request - drug, lot number, quantity, expiry
 * @param deps - stock and clock
 * @param scope - the caller (recorded in the ledger) and logger
 */
export async function receiveStockHandler(request: ReceiveStockRequest__Output, deps: Pick<PharmacyDeps, 'stock' | 'now'>, scope: CallScope): Promise<StockLot> {
  const receipt = parseRequest(receiveStockSchema, request);
  const today = utcDay(deps.now());
  if (isExpired(receipt.expiresOn, today)) throw invalidInput(`This stock expired on ${receipt.expiresOn}; expired stock cannot be received.`, 'expiresOn');
  const outcome = await deps.stock.receive({ ...receipt, actorId: actorOf(scope) });
  switch (outcome.kind) {
    case 'unknown-drug':
      throw notFound('No drug with this id.');
    case 'expiry-mismatch':
      throw invalidInput(`Lot ${receipt.lotNumber} is recorded with expiry ${outcome.recordedExpiresOn}, not ${receipt.expiresOn}.`, 'expiresOn');
    case 'too-large':
      throw invalidInput('This receipt would take the lot beyond the largest quantity a lot can hold.', 'quantity');
    case 'received':
      scope.logger.info({ drugId: receipt.drugId, lotId: outcome.lot.id, quantity: receipt.quantity }, 'stock received');
      return toProtoLot(outcome.lot, today);
  }
}
