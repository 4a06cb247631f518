/** Validation of AssignStaffToWard, UnassignStaffFromWard and ListWardStaff. */
import { z } from 'zod';
import { idSchema, idsSchema } from './ward-fields.schema.ts';

/** A staff member and a ward. */
export const staffAssignmentSchema = z.object({ userId: idSchema, wardId: idSchema });

/** Wards whose staff to list. */
export const listWardStaffSchema = z.object({ wardIds: idsSchema });
