/** Validation of the vital-signs requests (ranges are checked by domain/vital-ranges.ts). */
import { z } from 'zod';
import { uuidSchema } from '@hospital/service-kit';

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
      consciousness: z.enum(['CONSCIOUSNESS_UNSPECIFIED', 'CONSCIOUSNESS_ALERT', 'CONSCIOUSNESS_CVPU']),
      weightKg: measurement,
      heightCm: measurement,
      painScore: measurement,
    },
    { error: 'vitals are required.' },
  ),
});

/** GetPatientVitals: at most 100 patients (each answer holds up to 100 sets). */
export const getPatientVitalsSchema = z.object({ patientIds: z.array(uuidSchema).max(100, 'Ask for at most 100 patients at once.') });
