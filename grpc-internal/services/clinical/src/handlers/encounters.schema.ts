/** Validation of the encounter requests. */
import { z } from 'zod';
import { idListSchema, uuidSchema } from '@hospital/service-kit';

/** OpenVisit. */
export const openVisitSchema = z.object({ appointmentId: uuidSchema });
/** OpenStay. */
export const openStaySchema = z.object({ admissionId: uuidSchema });
/** CloseEncounter. */
export const closeEncounterSchema = z.object({ encounterId: uuidSchema });
/** GetEncounters. */
export const getEncountersSchema = z.object({ ids: idListSchema });
/** GetPatientEncounters. */
export const getPatientEncountersSchema = z.object({ patientIds: idListSchema });
