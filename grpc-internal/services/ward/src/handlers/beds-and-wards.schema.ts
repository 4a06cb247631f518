/** Validation of CreateWard, AddBed and SetBedOutOfService. */
import { z } from 'zod';
import { requiredTextSchema, uuidSchema } from '@hospital/service-kit';
import { bedLabelSchema, specialtySchema, wardCodeSchema } from './ward-fields.schema.ts';

/** A new ward: name and code required, specialty optional. */
export const createWardSchema = z.object({
  name: requiredTextSchema('Name', 100),
  code: wardCodeSchema,
  specialty: specialtySchema.default(''),
});

/** A new bed on a ward. */
export const addBedSchema = z.object({
  wardId: uuidSchema,
  label: bedLabelSchema,
});

/** A bed to take out of service or put back. */
export const setBedOutOfServiceSchema = z.object({
  bedId: uuidSchema,
  outOfService: z.boolean().default(false),
});
