/** Validation of GetPrescriptionsRequest. */
import { z } from 'zod';
import { idsSchema } from './pharmacy-fields.schema.ts';

/** Prescription ids to look up. */
export const getPrescriptionsSchema = z.object({ ids: idsSchema });
