/** Validation of the batched lookups and the bed board. */
import { z } from 'zod';
import { idSchema, idsSchema } from './ward-fields.schema.ts';

/** Ward, bed or admission ids to look up. */
export const idsRequestSchema = z.object({ ids: idsSchema });

/** Wards whose beds to list. */
export const listBedsSchema = z.object({ wardIds: idsSchema });

/** Patients whose admissions to return. */
export const patientAdmissionsSchema = z.object({ patientIds: idsSchema });

/** One ward's bed board. */
export const bedBoardSchema = z.object({ wardId: idSchema });
