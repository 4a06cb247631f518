/**
 * The pharmacy dashboard's operations. Mutations return `id`s of Prescription, Drug and StockLot
 * so urql's document cache refetches the queue and the stock lists that show them.
 */
import { graphql } from '../../gql/index.ts';

/** The dispensing queue: pending prescriptions, oldest first, with what the pharmacist checks. */
export const PharmacyQueue = graphql(`
  query PharmacyQueue {
    prescriptions(status: PENDING, first: 50) {
      totalCount
      edges {
        node {
          id
          dose
          frequency
          durationDays
          quantity
          prescribedAt
          drug { id code name strength form stockOnHand }
          route
          patient { id mrn fullName dateOfBirth allergies }
          prescriber { id displayName }
          allergyOverride { reason allergies }
          review { action reason reviewedAt }
        }
      }
    }
  }
`);

/** Dispenses one prescription from the first-expiring lots. */
export const PharmacyDispense = graphql(`
  mutation PharmacyDispense($id: ID!) {
    dispensePrescription(id: $id) {
      id
      status
      dispensedAt
      drug { id stockOnHand }
      dispensations { lotId lotNumber quantity }
    }
  }
`);

/** Asks the prescriber about a prescription (it stays in the queue, marked). */
export const PharmacyQueryPrescription = graphql(`
  mutation PharmacyQueryPrescription($id: ID!, $reason: String!) {
    queryPrescription(id: $id, reason: $reason) { id status review { action reason reviewedAt } }
  }
`);

/** Refuses to dispense a prescription (it leaves the queue, cancelled with the reason). */
export const PharmacyRejectPrescription = graphql(`
  mutation PharmacyRejectPrescription($id: ID!, $reason: String!) {
    rejectPrescription(id: $id, reason: $reason) { id status cancellationReason review { action reason reviewedAt } }
  }
`);

/** Drugs short of stock and lots about to expire. */
export const PharmacyStockAlerts = graphql(`
  query PharmacyStockAlerts($threshold: Int!, $withinDays: Int!) {
    lowStock(threshold: $threshold) { id code name strength form stockOnHand }
    expiringLots(withinDays: $withinDays) {
      id
      lotNumber
      quantity
      expiresOn
      expired
      drug { id name strength }
    }
  }
`);

/** The catalogue with stock on hand, by name or code prefix. */
export const PharmacyDrugStock = graphql(`
  query PharmacyDrugStock($search: String) {
    drugs(search: $search, first: 50) {
      totalCount
      edges { node { id code name strength form stockOnHand lots { id } } }
    }
  }
`);

/** Receives a delivery into a lot. */
export const PharmacyReceiveStock = graphql(`
  mutation PharmacyReceiveStock($input: ReceiveStockInput!) {
    receiveStock(input: $input) {
      id
      lotNumber
      quantity
      expiresOn
      expired
      drug { id name stockOnHand }
    }
  }
`);
