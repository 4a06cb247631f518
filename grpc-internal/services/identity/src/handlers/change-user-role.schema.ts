/** Validation of ChangeUserRoleRequest. */
import { z } from 'zod';
import { uuidSchema } from '@hospital/service-kit';
import { roleSchema } from './fields.schema.ts';

/** A user and the role to give them. */
export const changeUserRoleSchema = z.object({ id: uuidSchema, role: roleSchema });
