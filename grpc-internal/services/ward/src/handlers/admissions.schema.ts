/** Validation of AdmitPatient, TransferPatient and DischargePatient. */
import { z } from 'zod';
import { uuidSchema } from '@hospital/service-kit';
import { paragraphSchema } from './ward-fields.schema.ts';

/** An admission: who, into which bed, and why. */
export const admitPatientSchema = z.object({
  patientId: uuidSchema,
  bedId: uuidSchema,
  reason: paragraphSchema('Reason', 1000),
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
  summary: paragraphSchema('Discharge summary', 20_000),
});
