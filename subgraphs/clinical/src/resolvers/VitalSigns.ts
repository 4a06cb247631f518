/** `VitalSigns`: a proto message mapped to its GraphQL fields (measurements, flags, NEWS2). */
import type { VitalSignsResolvers } from '../__generated__/resolvers-types.ts';
import { consciousnessFromProto } from './consciousness.ts';

/** NEWS2 risk as the service sends it → the GraphQL enum. */
const RISKS = ['LOW', 'LOW_MEDIUM', 'MEDIUM', 'HIGH'] as const;

/** VitalSigns resolvers: each measurement is null when it was not taken. */
export function createVitalSignsResolvers(): VitalSignsResolvers {
  return {
    patient: (set) => ({ id: set.patientId }),
    recordedBy: (set) => ({ id: set.recordedBy }),
    temperatureC: (set) => set.vitals?.temperatureC ?? null,
    pulseBpm: (set) => set.vitals?.pulseBpm ?? null,
    systolicMmhg: (set) => set.vitals?.systolicMmhg ?? null,
    diastolicMmhg: (set) => set.vitals?.diastolicMmhg ?? null,
    respiratoryRate: (set) => set.vitals?.respiratoryRate ?? null,
    spo2Percent: (set) => set.vitals?.spo2Percent ?? null,
    onOxygen: (set) => set.vitals?.onOxygen ?? false,
    consciousness: (set) => consciousnessFromProto(set.vitals?.consciousness),
    weightKg: (set) => set.vitals?.weightKg ?? null,
    heightCm: (set) => set.vitals?.heightCm ?? null,
    painScore: (set) => set.vitals?.painScore ?? null,
    news2: (set) => {
      const risk = RISKS.find((r) => r === set.news2Risk);
      return risk && set.news2Score >= 0 ? { score: set.news2Score, risk } : null;
    },
  };
}
