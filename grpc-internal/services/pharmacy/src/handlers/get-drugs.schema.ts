/** Validation of GetDrugsRequest. */
import { z } from 'zod';
import { idListSchema } from '@hospital/service-kit';

/** Drug ids to look up. */
export const getDrugsSchema = z.object({ ids: idListSchema });
