/** The clinical record's GraphQL operations (typed by the client preset, hashed into the safelist). */
import { graphql } from '../../gql/index.ts';

/** An encounter with its notes, as the visit panel shows it. */
export const EncounterWithNotes = graphql(`
  query ClinicalEncounter($id: ID!) {
    encounter(id: $id) {
      id
      status
      kind
      openedAt
      notes { id text signed signedAt writtenAt amends { id } }
      patient { id problems { id active onsetDate resolvedDate code { code description } } }
    }
  }
`);

/** Opens (or returns) the visit of a checked-in appointment. */
export const OpenVisit = graphql(`
  mutation ClinicalOpenVisit($appointmentId: ID!) { openVisit(appointmentId: $appointmentId) { id status } }
`);

/** Writes a draft note or an addendum. */
export const WriteNote = graphql(`
  mutation ClinicalWriteNote($encounterId: ID!, $text: String!, $amendsNoteId: ID) {
    writeNote(encounterId: $encounterId, text: $text, amendsNoteId: $amendsNoteId) { id text signed }
  }
`);

/** Signs a draft. */
export const SignNote = graphql(`
  mutation ClinicalSignNote($noteId: ID!) { signNote(noteId: $noteId) { id signed signedAt } }
`);

/** Closes a visit (completing its appointment). */
export const CloseEncounter = graphql(`
  mutation ClinicalCloseEncounter($encounterId: ID!) { closeEncounter(encounterId: $encounterId) { id status } }
`);

/** Records a set of vital signs; answers the flags and NEWS2. */
export const RecordVitals = graphql(`
  mutation ClinicalRecordVitals($patientId: ID!, $vitals: VitalSignsInput!) {
    recordVitals(patientId: $patientId, vitals: $vitals) { id recordedAt abnormal news2 { score risk } }
  }
`);

/** A patient's vital signs, newest first (the chart). */
export const PatientVitals = graphql(`
  query ClinicalPatientVitals($id: ID!) {
    patient(id: $id) {
      id
      vitalSigns { id recordedAt temperatureC pulseBpm systolicMmhg diastolicMmhg respiratoryRate spo2Percent onOxygen consciousness painScore abnormal news2 { score risk } }
    }
  }
`);

/** ICD-10 codes matching what the doctor types. */
export const SearchIcd10 = graphql(`
  query ClinicalSearchIcd10($search: String!) { icd10Codes(search: $search) { code description } }
`);

/** Records a coded diagnosis in an open encounter (onset optional: unknown when left out). */
export const AddProblem = graphql(`
  mutation ClinicalAddProblem($encounterId: ID!, $icd10Code: String!, $onsetDate: Date) {
    addProblem(encounterId: $encounterId, icd10Code: $icd10Code, onsetDate: $onsetDate) { id code { code } }
  }
`);

/** Marks an active problem resolved on a date (not before its onset, not in the future). */
export const ResolveProblem = graphql(`
  mutation ClinicalResolveProblem($problemId: ID!, $resolvedDate: Date!) {
    resolveProblem(problemId: $problemId, resolvedDate: $resolvedDate) { id active resolvedDate }
  }
`);
