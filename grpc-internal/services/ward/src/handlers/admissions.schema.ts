/** Validation of AdmitPatient, TransferPatient and DischargePatient. */
import { z } from 'zod';
import { idSchema, paragraphSchema } from './ward-fields.schema.ts';

/** An admission: who, into which bed, and why. */
export const admitPatientSchema = z.object({
  patientId: idSchema,
  bedId: idSchema,
  reason: paragraphSchema('Reason', 1000),
});

/** A transfer of an admission to another bed. */
export const transferPatientSchema = z.object({
  admissionId: idSchema,
  bedId: idSchema,
});

/** A discharge with its summary (required: the next carer reads it). */
export const dischargePatientSchema = z.object({
  admissionId: idSchema,
  summary: paragraphSchema('Discharge summary', 20_000),
});
