/** Validation of MarkNotificationReadRequest. */
import { z } from 'zod';
import { uuidSchema } from '@hospital/service-kit';

/** The notification to mark read. */
export const markNotificationReadSchema = z.object({ id: uuidSchema });
