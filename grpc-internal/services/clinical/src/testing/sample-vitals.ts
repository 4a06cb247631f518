/** A vital-signs set for the outbox tests: every NEWS2 parameter present and scoring 0, fresh recorder. */
import { randomUUID } from 'node:crypto';
import type { NewVitals } from '../repositories/records.ts';

/**
 * A calm complete set of a patient (NEWS2 0), with changes.
 * @param patientId - the patient
 * @param change - measurements to replace (spo2Percent: 88 makes it urgent)
 */
export function sampleVitals(patientId: string, change: Partial<NewVitals> = {}): NewVitals {
  return {
    patientId,
    recordedBy: randomUUID(),
    temperatureC: 37,
    pulseBpm: 70,
    systolicMmhg: 120,
    diastolicMmhg: 80,
    respiratoryRate: 16,
    spo2Percent: 97,
    onOxygen: false,
    consciousness: 'ALERT',
    weightKg: null,
    heightCm: null,
    painScore: null,
    ...change,
  };
}
