/** Validation of the lab requests (the catalogue and the result rules are domain/lab-catalogue.ts). */
import { z } from 'zod';
import { idListSchema, uuidSchema } from '@hospital/service-kit';

/** Most tests one order names. */
export const MAX_TESTS_PER_ORDER = 20;

/** OrderLabTests: 1 to 20 distinct LOINC codes. */
export const orderLabTestsSchema = z.object({
  encounterId: uuidSchema,
  loincCodes: z
    .array(z.string().trim().min(1, 'must not be blank.').max(10, 'is not a LOINC code.'))
    .min(1, 'Order at least one test.')
    .max(MAX_TESTS_PER_ORDER, `Order at most ${MAX_TESTS_PER_ORDER} tests at once.`)
    .refine((codes) => new Set(codes).size === codes.length, 'names a test twice.'),
});

/** EnterLabResult and AmendLabResult (value and unit are checked against the test by the handler). */
export const labResultSchema = z.object({
  orderId: uuidSchema,
  value: z.number(),
  unit: z.string().trim().min(1, 'is required.').max(20, 'is not a unit.'),
});

/** GetPatientLabOrders: at most 100 patients. */
export const getPatientLabOrdersSchema = z.object({ patientIds: z.array(uuidSchema).max(100, 'Ask for at most 100 patients at once.') });

/** GetLabOrders: order item ids, at most MAX_IDS (the shared batch cap). */
export const getLabOrdersSchema = z.object({ ids: idListSchema });
