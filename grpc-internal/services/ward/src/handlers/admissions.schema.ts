/** Validation of AdmitPatient, TransferPatient and DischargePatient. */
import { z } from 'zod';
import { requiredTextSchema, uuidSchema } from '@hospital/service-kit';

/** An admission: who, into which bed, and why. */
export const admitPatientSchema = z.object({
  patientId: uuidSchema,
  bedId: uuidSchema,
  reason: requiredTextSchema('Reason', 1000, { multiline: true }),
});

/** A transfer of an admission to another bed, naming the ward the bed must be on. */
export const transferPatientSchema = z.object({
  admissionId: uuidSchema,
  bedId: uuidSchema,
  // Required: a client that shows one ward's beds must say which, so a stale list cannot misplace a patient.
  wardId: uuidSchema,
});

/** A discharge with its summary (required: the next carer reads it). */
export const dischargePatientSchema = z.object({
  admissionId: uuidSchema,
  summary: requiredTextSchema('Discharge summary', 20_000, { multiline: true }),
});
