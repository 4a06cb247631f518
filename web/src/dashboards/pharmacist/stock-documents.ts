/** The pharmacy's stock corrections and ledger (issue 14): a drug's lots and movements, adjustments with a reason. */
import { graphql } from '../../gql/index.ts';

/** One drug's lots (expired ones flagged) and its latest stock movements. */
export const PharmacyDrugLedger = graphql(`
  query PharmacyDrugLedger($drugId: ID!) {
    drug(id: $drugId) {
      id
      name
      strength
      stockOnHand
      lots { id lotNumber quantity expiresOn expired }
    }
    stockMovements(drugId: $drugId, first: 50) {
      id
      kind
      delta
      quantityAfter
      lotNumber
      reason
      actor { id displayName }
      at
    }
  }
`);

/** Corrects a lot's quantity (a count, a breakage, an expired write-off) with a reason. */
export const PharmacyAdjustStock = graphql(`
  mutation PharmacyAdjustStock($input: AdjustStockInput!) {
    adjustStock(input: $input) { id quantity expired drug { id stockOnHand } }
  }
`);
