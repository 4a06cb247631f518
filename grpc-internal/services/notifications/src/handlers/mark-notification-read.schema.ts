/** Validation of MarkNotificationReadRequest. */
import { z } from 'zod';
import { uuidSchema } from './fields.schema.ts';

/** The notification to mark read. */
export const markNotificationReadSchema = z.object({ id: uuidSchema });
