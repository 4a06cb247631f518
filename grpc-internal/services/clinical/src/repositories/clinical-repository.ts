/** Storage of encounters, notes and vital signs (the Prisma implementation is prisma-clinical-repository.ts). */
import type { ClinicalEventV1 } from '@hospital/grpc-contracts';
import type { EncounterRecord, LabOrderRecord, LabResultRecord, NewVitals, NoteRecord, ProblemRecord, VitalsRecord } from './records.ts';

/** Encounters and their notes. */
export interface EncounterRepository {
  /**
   * Opens the encounter of an appointment or admission, or returns the one it already has
   * (a repeated or concurrent open is answered with the same encounter).
   * @param encounter - patient, kind, link and who opens it
   */
  openOnce(encounter: Pick<EncounterRecord, 'patientId' | 'kind' | 'appointmentId' | 'admissionId' | 'openedBy'>): Promise<EncounterRecord>;
  /** Encounters by id (unknown ids left out). */
  findByIds(ids: readonly string[]): Promise<EncounterRecord[]>;
  /** Every encounter of the patients, newest first. */
  findByPatients(patientIds: readonly string[]): Promise<EncounterRecord[]>;
  /**
   * Closes an open encounter; 'already-closed' when another call closed it first.
   * @param id - the encounter
   * @param closedBy - who closes it
   */
  close(id: string, closedBy: string): Promise<EncounterRecord | 'already-closed'>;
  /** Adds a draft note (or an addendum). */
  addNote(note: Pick<NoteRecord, 'encounterId' | 'patientId' | 'authorId' | 'text' | 'amendsNoteId'>): Promise<NoteRecord>;
  /** A note by id. */
  findNote(id: string): Promise<NoteRecord | undefined>;
  /**
   * Changes a draft's text; 'signed' when it was signed meanwhile.
   * @param id - the note
   * @param text - the new text
   */
  reviseDraft(id: string, text: string): Promise<NoteRecord | 'signed'>;
  /**
   * Signs a draft; 'signed' when another call signed it first (exactly one sign wins).
   * @param id - the note
   */
  sign(id: string): Promise<NoteRecord | 'signed'>;
  /** The notes of the encounters, oldest first. */
  notesOf(encounterIds: readonly string[]): Promise<NoteRecord[]>;
}

/** Vital signs. */
export interface VitalsRepository {
  /**
   * Stores a set and its event (clinical outbox) in one transaction.
   * @param vitals - the set
   * @param eventOf - the event of the stored set
   */
  record(vitals: NewVitals, eventOf: (stored: VitalsRecord) => ClinicalEventV1): Promise<VitalsRecord>;
  /**
   * The newest sets of each patient, newest first.
   * @param patientIds - the patients
   * @param perPatient - at most this many sets each
   */
  latestOf(patientIds: readonly string[], perPatient: number): Promise<VitalsRecord[]>;
}

/** Problem lists. */
export interface ProblemRepository {
  /** Adds a problem. */
  add(problem: Pick<ProblemRecord, 'patientId' | 'encounterId' | 'icd10Code' | 'onsetOn' | 'recordedBy'>): Promise<ProblemRecord>;
  /** A problem by id. */
  find(id: string): Promise<ProblemRecord | undefined>;
  /**
   * Resolves an active problem; 'resolved' when another call resolved it first.
   * @param id - the problem
   * @param resolvedOn - YYYY-MM-DD
   */
  resolve(id: string, resolvedOn: string): Promise<ProblemRecord | 'resolved'>;
  /** The problems of the patients: active first, newest first. */
  ofPatients(patientIds: readonly string[]): Promise<ProblemRecord[]>;
}

/** Lab orders and their results. */
export interface LabRepository {
  /**
   * Creates one order item per test, in one transaction, in the given order.
   * @param order - encounter, patient, the doctor, LOINC codes
   */
  order(order: { patientId: string; encounterId: string; orderedBy: string; loincCodes: readonly string[] }): Promise<LabOrderRecord[]>;
  /** An order item by id, with its results. */
  find(id: string): Promise<LabOrderRecord | undefined>;
  /** Order items by id, with their results (unknown ids are left out; any order). */
  findByIds(ids: readonly string[]): Promise<LabOrderRecord[]>;
  /**
   * Enters the original result of an item and its event (clinical outbox) in one transaction;
   * 'entered' when it has one (exactly one of concurrent entries wins, and only its event is written).
   * @param result - the item, value, unit, flag, who
   * @param eventOf - the event of the stored result
   */
  enter(
    result: Pick<LabResultRecord, 'orderId' | 'value' | 'unit' | 'flag' | 'enteredBy'>,
    eventOf: (stored: LabResultRecord) => ClinicalEventV1,
  ): Promise<LabOrderRecord | 'entered'>;
  /**
   * Adds an amendment of the item's current result and its event in one transaction; 'stale' when
   * another amendment of it landed first (no event then).
   * @param result - the item, the result it corrects, value, unit, flag, who
   * @param eventOf - the event of the stored amendment
   */
  amend(
    result: Pick<LabResultRecord, 'orderId' | 'value' | 'unit' | 'flag' | 'enteredBy'> & { amendsResultId: string },
    eventOf: (stored: LabResultRecord) => ClinicalEventV1,
  ): Promise<LabOrderRecord | 'stale'>;
  /** The order items of the patients, newest first. */
  ofPatients(patientIds: readonly string[]): Promise<LabOrderRecord[]>;
}
