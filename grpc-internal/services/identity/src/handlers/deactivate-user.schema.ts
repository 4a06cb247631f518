/** Validation of DeactivateUserRequest. */
import { z } from 'zod';
import { uuidSchema } from './fields.schema.ts';

/** A user to deactivate. */
export const deactivateUserSchema = z.object({ id: uuidSchema });
