/**
 * The ward dashboard's operations. Mutations select `bed { id }` and `ward { id }` so urql's
 * document cache sees Bed and Ward change and refetches the bed board and the occupancy at once.
 */
import { graphql } from '../../gql/index.ts';

/** Every ward with its occupancy, for the ward picker and the summary. */
export const WardOverview = graphql(`
  query WardOverview {
    occupancy {
      ward { id name code specialty }
      beds
      occupied
      free
      outOfService
      rate
    }
  }
`);

/** One ward's beds with who is in them. */
export const WardBedBoard = graphql(`
  query WardBedBoard($wardId: ID!) {
    bedBoard(wardId: $wardId) {
      id
      label
      status
      outOfService
      ward { id }
      occupant {
        id
        reason
        admittedAt
        patient { id mrn fullName }
      }
    }
  }
`);

/** Vital-signs sets recorded for the ward's patients, live: the board re-reads that patient's NEWS2 on each. */
export const WardVitalsLive = graphql(`
  subscription WardVitalsLive($wardId: ID!) { wardVitalsEvents(wardId: $wardId) { id patient { id } } }
`);

/** Admits a patient into a free bed. */
export const WardAdmitPatient = graphql(`
  mutation WardAdmitPatient($input: AdmitPatientInput!) {
    admitPatient(input: $input) {
      id
      status
      bed { id label status }
      ward { id }
      patient { id fullName }
    }
  }
`);

/** Moves an admitted patient to another free bed of the ward named (the API refuses a bed elsewhere). */
export const WardTransferPatient = graphql(`
  mutation WardTransferPatient($admissionId: ID!, $wardId: ID!, $bedId: ID!) {
    transferPatient(admissionId: $admissionId, wardId: $wardId, bedId: $bedId) {
      id
      bed { id label status }
      ward { id name }
    }
  }
`);

/** Discharges an admitted patient with a summary. */
export const WardDischargePatient = graphql(`
  mutation WardDischargePatient($admissionId: ID!, $summary: String!) {
    dischargePatient(admissionId: $admissionId, summary: $summary) {
      id
      status
      dischargedAt
      bed { id status }
      ward { id }
    }
  }
`);

/** Takes a free bed out of service (cleaning, repair) or puts it back. */
export const WardSetBedOutOfService = graphql(`
  mutation WardSetBedOutOfService($bedId: ID!, $outOfService: Boolean!) {
    setBedOutOfService(bedId: $bedId, outOfService: $outOfService) {
      id
      status
      outOfService
      ward { id }
    }
  }
`);
