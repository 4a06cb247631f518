/**
 * The event contracts the system publishes, by name: what the payload version check
 * (payload-version.ts), the committed snapshots (payload-schemas/<name>.v<N>.json) and
 * `npm run events:schema` go through, one entry per contract.
 */
import type { z } from 'zod';
import { APPOINTMENT_EVENT_VERSION, appointmentEventSchema } from './appointment-event.ts';
import { CLINICAL_EVENT_VERSION, clinicalEventSchema } from './clinical-event.ts';

/** One versioned event payload. */
export interface EventContract {
  /** File stem of its snapshots (payload-schemas/<name>.v<N>.json). */
  name: string;
  /** The version producers write now. */
  version: number;
  /** The constant to bump, as messages name it. */
  versionConstant: string;
  /** Its zod schema. */
  schema: z.ZodType;
}

/** The appointment events (appointment-event.ts). */
export const APPOINTMENT_EVENT_CONTRACT: EventContract = {
  name: 'appointment-event',
  version: APPOINTMENT_EVENT_VERSION,
  versionConstant: 'APPOINTMENT_EVENT_VERSION',
  schema: appointmentEventSchema,
};

/** The clinical events (clinical-event.ts). */
export const CLINICAL_EVENT_CONTRACT: EventContract = {
  name: 'clinical-event',
  version: CLINICAL_EVENT_VERSION,
  versionConstant: 'CLINICAL_EVENT_VERSION',
  schema: clinicalEventSchema,
};

/** Every contract. */
export const EVENT_CONTRACTS: readonly EventContract[] = [APPOINTMENT_EVENT_CONTRACT, CLINICAL_EVENT_CONTRACT];
