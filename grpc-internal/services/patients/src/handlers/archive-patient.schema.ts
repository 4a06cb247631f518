/** Validation of ArchivePatientRequest. */
import { z } from 'zod';
import { patientIdSchema } from './patient-fields.schema.ts';

/** A patient to archive. */
export const archivePatientSchema = z.object({ id: patientIdSchema });
