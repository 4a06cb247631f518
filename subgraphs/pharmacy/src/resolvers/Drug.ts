/** `Drug`, `StockLot` and `StockMovement`: resolved from the proto messages the service returns. */
import { orNull } from '@hospital/subgraph-kit';
import type { DrugResolvers, StockLotResolvers, StockMovementResolvers } from '../__generated__/resolvers-types.ts';
import { graphqlDrugForm, graphqlMovementKind } from './enums.ts';
import type { ResolverDeps } from './deps.ts';

/** User ids are UUIDs; anything else in an actor column is the system acting on its own. */
const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Drug resolvers; fields not listed read the proto message as is (stock and lots included).
 * @param deps - the drugs loader key
 */
export function createDrugResolvers({ drugs }: ResolverDeps): DrugResolvers {
  return {
    // N references in one `_entities` request cost one GetDrugs call.
    __resolveReference: (reference, ctx) => ctx.loaders.get(drugs).load(reference.id),
    form: (drug) => graphqlDrugForm(drug.form),
  };
}

/**
 * StockLot resolvers.
 * @param deps - the drugs loader key
 */
export function createStockLotResolvers({ drugs }: ResolverDeps): StockLotResolvers {
  return {
    async drug(lot, _args, ctx) {
      const drug = await ctx.loaders.get(drugs).load(lot.drugId);
      // Lots reference drugs by foreign key: a missing one is a broken invariant, not a client error.
      if (!drug) throw new Error(`Drug ${lot.drugId} of lot ${lot.id} not found`);
      return drug;
    },
  };
}

/**
 * StockMovement resolvers.
 * @param deps - the prescriptions loader key
 */
export function createStockMovementResolvers({ prescriptions }: ResolverDeps): StockMovementResolvers {
  return {
    kind: (movement) => graphqlMovementKind(movement.kind),
    reason: (movement) => orNull(movement.reason),
    prescription: (movement, _args, ctx) => (movement.prescriptionId ? ctx.loaders.get(prescriptions).load(movement.prescriptionId) : null),
    actor: (movement) => (USER_ID.test(movement.actorId) ? { id: movement.actorId } : null),
    at: (movement) => movement.createdAt,
  };
}
