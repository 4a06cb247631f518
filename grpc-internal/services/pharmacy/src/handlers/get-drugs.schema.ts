/** Validation of GetDrugsRequest. */
import { z } from 'zod';
import { idsSchema } from './pharmacy-fields.schema.ts';

/** Drug ids to look up. */
export const getDrugsSchema = z.object({ ids: idsSchema });
