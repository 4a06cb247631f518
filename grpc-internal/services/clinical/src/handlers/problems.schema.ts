/** Validation of the problem-list requests (the code list itself is domain/icd10.ts). */
import { z } from 'zod';
import { idListSchema, isCalendarDate, uuidSchema } from '@hospital/service-kit';

/** YYYY-MM-DD, a real calendar date. */
const calendarDate = z.string().refine(isCalendarDate, 'must be a date written YYYY-MM-DD.');

/** AddProblem: an empty onset (proto3 unset) means unknown. */
export const addProblemSchema = z.object({
  encounterId: uuidSchema,
  icd10Code: z.string().trim().min(1, 'is required.').max(10, 'is not an ICD-10 code.'),
  onsetDate: z.union([z.literal(''), calendarDate]).transform((date) => (date === '' ? null : date)),
});

/** ResolveProblem. */
export const resolveProblemSchema = z.object({ problemId: uuidSchema, resolvedDate: calendarDate });

/** GetPatientProblems. */
export const getPatientProblemsSchema = z.object({ patientIds: idListSchema });

/** SearchIcd10. */
export const searchIcd10Schema = z.object({ query: z.string().trim().min(2, 'must be at least 2 characters.').max(100, 'must be at most 100 characters.') });
