/** Validation of DeactivateUserRequest. */
import { z } from 'zod';
import { uuidSchema } from '@hospital/service-kit';

/** A user to deactivate. */
export const deactivateUserSchema = z.object({ id: uuidSchema });
