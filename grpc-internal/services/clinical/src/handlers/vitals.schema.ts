/** Validation of the vital-signs requests (ranges are checked by domain/vital-ranges.ts). */
import { z } from 'zod';
import { protoEnumSchema, uuidSchema } from '@hospital/service-kit';
import { CONSCIOUSNESS } from '../domain/proto-enums.ts';

const measurement = z.number().optional();

/** RecordVitals: at least one measurement. */
export const recordVitalsSchema = z.object({
  patientId: uuidSchema,
  vitals: z.object(
    {
      temperatureC: measurement,
      pulseBpm: measurement,
      systolicMmhg: measurement,
      diastolicMmhg: measurement,
      respiratoryRate: measurement,
      spo2Percent: measurement,
      onOxygen: z.boolean(),
      // Unspecified: not assessed (NEWS2 is then not scored).
      consciousness: protoEnumSchema(CONSCIOUSNESS, { unspecified: 'any', message: 'Unknown level of consciousness.' }),
      weightKg: measurement,
      heightCm: measurement,
      painScore: measurement,
    },
    { error: 'vitals are required.' },
  ),
});

/** GetPatientVitals: at most 100 patients (each answer holds up to 100 sets). */
export const getPatientVitalsSchema = z.object({ patientIds: z.array(uuidSchema).max(100, 'Ask for at most 100 patients at once.') });
