/** Validation of ListAppointmentsRequest and ListAppointmentsForPatientsRequest. */
import { z } from 'zod';
import { pageRequestSchema, uuidSchema } from '@hospital/service-kit';
import { optionalIdSchema, WINDOW_ORDER_ISSUE, windowInOrder, windowShape } from './appointment-fields.schema.ts';

/** Most patients one batched listing may cover. */
export const MAX_PATIENTS = 500;

/** A filtered page: optional doctor and patient, window, statuses, page. */
export const listAppointmentsSchema = z
  .object({ ...windowShape, doctorId: optionalIdSchema, patientId: optionalIdSchema, page: pageRequestSchema, omitHistory: z.boolean().default(false) })
  .refine(windowInOrder, WINDOW_ORDER_ISSUE);

/** The same window and page for many patients. */
export const listForPatientsSchema = z
  .object({
    ...windowShape,
    patientIds: z.array(uuidSchema).max(MAX_PATIENTS, `Ask for at most ${MAX_PATIENTS} patients at once.`),
    page: pageRequestSchema,
    omitHistory: z.boolean().default(false),
  })
  .refine(windowInOrder, WINDOW_ORDER_ISSUE);
