/** Validation of GetPrescriptionsRequest. */
import { z } from 'zod';
import { idListSchema } from '@hospital/service-kit';

/** Prescription ids to look up. */
export const getPrescriptionsSchema = z.object({ ids: idListSchema });
