/** The lab orders' GraphQL operations (typed by the client preset, hashed into the safelist). */
import { graphql } from '../../gql/index.ts';

/** The lab catalogue. */
export const LabTests = graphql(`
  query ClinicalLabTests { labTests { loincCode name unit referenceLow referenceHigh } }
`);

/** A patient's lab orders with the current result of each. */
export const PatientLabOrders = graphql(`
  query ClinicalPatientLabOrders($id: ID!) {
    patient(id: $id) {
      id
      labOrders { id orderedAt test { loincCode name unit referenceLow referenceHigh } result { id value unit flag abnormal amendsResultId } }
    }
  }
`);

/** Orders catalogue tests in an open encounter. */
export const OrderLabTests = graphql(`
  mutation ClinicalOrderLabTests($encounterId: ID!, $loincCodes: [String!]!) { orderLabTests(encounterId: $encounterId, loincCodes: $loincCodes) { id } }
`);

/** Enters the result of an order item. */
export const EnterLabResult = graphql(`
  mutation ClinicalEnterLabResult($orderId: ID!, $value: Float!, $unit: String!) { enterLabResult(orderId: $orderId, value: $value, unit: $unit) { id result { id flag } } }
`);

/** Results of the patient's tests as they arrive or are corrected (the panel re-reads its orders on each). */
export const PatientLabResultEvents = graphql(`
  subscription ClinicalPatientLabResultEvents($patientId: ID!) { labResultEvents(patientId: $patientId) { id type orderId } }
`);
