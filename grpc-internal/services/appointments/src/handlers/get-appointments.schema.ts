/** Validation of GetAppointmentsRequest. */
import { z } from 'zod';
import { idListSchema } from '@hospital/service-kit';

/** Appointment ids to look up. */
export const getAppointmentsSchema = z.object({
  ids: idListSchema,
});
