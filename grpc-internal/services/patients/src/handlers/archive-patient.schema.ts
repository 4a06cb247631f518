/** Validation of ArchivePatientRequest. */
import { z } from 'zod';
import { uuidSchema } from '@hospital/service-kit';

/** A patient to archive. */
export const archivePatientSchema = z.object({ id: uuidSchema });
