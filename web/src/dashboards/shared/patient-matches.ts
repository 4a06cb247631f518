/** What a patient search shows of its matches (the doctor's search card and the shared picker). */
import { graphql } from '../../gql/index.ts';

/** The capped match count and each match's demographics (no clinical fields: every role may read them). */
export const PatientMatchesFields = graphql(`
  fragment PatientMatches on PatientConnection {
    matchCount { count capped }
    edges { node { id mrn fullName dateOfBirth } }
  }
`);
