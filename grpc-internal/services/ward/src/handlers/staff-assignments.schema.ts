/** Validation of AssignStaffToWard, UnassignStaffFromWard and ListWardStaff. */
import { z } from 'zod';
import { uuidSchema, idListSchema } from '@hospital/service-kit';

/** A staff member and a ward. */
export const staffAssignmentSchema = z.object({ userId: uuidSchema, wardId: uuidSchema });

/** Wards whose staff to list. */
export const listWardStaffSchema = z.object({ wardIds: idListSchema });
