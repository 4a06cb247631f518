/** Validation of the batched lookups and the bed board. */
import { z } from 'zod';
import { uuidSchema, idListSchema } from '@hospital/service-kit';

/** Ward, bed or admission ids to look up. */
export const idsRequestSchema = z.object({ ids: idListSchema });

/** Wards whose beds to list. */
export const listBedsSchema = z.object({ wardIds: idListSchema });

/** Patients whose admissions to return. */
export const patientAdmissionsSchema = z.object({ patientIds: idListSchema });

/** One ward's bed board. */
export const bedBoardSchema = z.object({ wardId: uuidSchema });
