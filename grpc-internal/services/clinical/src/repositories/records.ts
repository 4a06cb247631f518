/** What the clinical repositories hand out: plain records, no Prisma types. */

/** An encounter as stored. */
export interface EncounterRecord {
  id: string;
  patientId: string;
  kind: 'OUTPATIENT' | 'INPATIENT';
  appointmentId: string | null;
  admissionId: string | null;
  openedAt: Date;
  openedBy: string;
  closedAt: Date | null;
  closedBy: string | null;
}

/** A note as stored. */
export interface NoteRecord {
  id: string;
  encounterId: string;
  patientId: string;
  authorId: string;
  text: string;
  writtenAt: Date;
  revisedAt: Date;
  signedAt: Date | null;
  amendsNoteId: string | null;
}

/** A set of vital signs as stored (decimals as numbers). */
export interface VitalsRecord {
  id: string;
  patientId: string;
  recordedAt: Date;
  recordedBy: string;
  temperatureC: number | null;
  pulseBpm: number | null;
  systolicMmhg: number | null;
  diastolicMmhg: number | null;
  respiratoryRate: number | null;
  spo2Percent: number | null;
  onOxygen: boolean;
  consciousness: 'ALERT' | 'CVPU' | null;
  weightKg: number | null;
  heightCm: number | null;
  painScore: number | null;
}

/** A new set of vital signs. */
export type NewVitals = Omit<VitalsRecord, 'id' | 'recordedAt'>;

/** A problem-list entry as stored (dates as YYYY-MM-DD). */
export interface ProblemRecord {
  id: string;
  patientId: string;
  encounterId: string;
  icd10Code: string;
  onsetOn: string | null;
  resolvedOn: string | null;
  recordedBy: string;
  recordedAt: Date;
}

/** A result of an order item as stored (value as a number). */
export interface LabResultRecord {
  id: string;
  orderId: string;
  value: number;
  unit: string;
  flag: string;
  enteredBy: string;
  enteredAt: Date;
  amendsResultId: string | null;
}

/** An order item as stored, with its results oldest first. */
export interface LabOrderRecord {
  id: string;
  patientId: string;
  encounterId: string;
  loincCode: string;
  orderedBy: string;
  orderedAt: Date;
  results: LabResultRecord[];
}
