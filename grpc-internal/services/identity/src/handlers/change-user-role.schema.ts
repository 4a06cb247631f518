/** Validation of ChangeUserRoleRequest. */
import { z } from 'zod';
import { roleSchema, uuidSchema } from './fields.schema.ts';

/** A user and the role to give them. */
export const changeUserRoleSchema = z.object({ id: uuidSchema, role: roleSchema });
