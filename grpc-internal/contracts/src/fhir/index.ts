/**
 * `@hospital/grpc-contracts/fhir`: the pure FHIR R4 mappings of patients and appointments, in one
 * place for the router's /fhir/R4 facade and the subgraphs' `Patient.fhir` / `Appointment.fhir`.
 */
export { DEFAULT_FHIR_IDENTIFIER_SYSTEM, toFhirPatient, type FhirSettings, type PatientRecord } from './patient.ts';
export { toFhirAppointment, type AppointmentRecord } from './appointment.ts';
export { FHIR_APPOINTMENT_STATUS, GENDER_OF_SEX, genderOf, type AppointmentStatusName } from './value-sets.ts';
