/** The clinical proto enums, as the service names their values (kit proto-enum policy). */
import { protoEnum } from '@hospital/service-kit';

/** hospital.clinical.v1.Consciousness: ALERT, CVPU. */
export const CONSCIOUSNESS = protoEnum('CONSCIOUSNESS_', ['ALERT', 'CVPU'] as const);
/** hospital.clinical.v1.EncounterKind: OUTPATIENT, INPATIENT. */
export const ENCOUNTER_KIND = protoEnum('ENCOUNTER_KIND_', ['OUTPATIENT', 'INPATIENT'] as const);
/** hospital.clinical.v1.EncounterStatus: OPEN, CLOSED. */
export const ENCOUNTER_STATUS = protoEnum('ENCOUNTER_STATUS_', ['OPEN', 'CLOSED'] as const);
