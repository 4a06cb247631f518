/** Validation of GetPatientsRequest. */
import { z } from 'zod';
import { idListSchema } from '@hospital/service-kit';

/** Patient ids to look up. */
export const getPatientsSchema = z.object({
  ids: idListSchema,
});
