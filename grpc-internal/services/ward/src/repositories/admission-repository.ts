/**
 * Storage of admissions. One patient per bed and one active admission per patient are the
 * database's to guarantee (partial unique indexes); the outcomes below report which one held.
 */
import type { AdmissionRecord, AdmissionState, BedPlace } from './records.ts';

/** Filter of an admissions list. */
export interface AdmissionFilter {
  /** Only admissions whose bed is on this ward. */
  wardId?: string;
  /** Only admissions whose bed is on one of these wards (a ward staff member's assigned wards). */
  wardIds?: readonly string[];
  /** Only active (ADMITTED) or only discharged (DISCHARGED) admissions. */
  status?: 'ADMITTED' | 'DISCHARGED';
}

/** Where a page starts (exclusive), in (admittedAt DESC, id DESC) order. */
export interface AdmissionPosition {
  /** Admission time of the previous page's last row. */
  admittedAt: Date;
  /** Id of the previous page's last row. */
  id: string;
}

/** Why a bed cannot take a patient (shared by admissions and transfers). */
export type BedRefusal =
  | { kind: 'bed-not-found' }
  | { kind: 'bed-out-of-service'; bed: BedPlace }
  /** Another active admission holds the bed (the unique index said so). */
  | { kind: 'bed-occupied'; bed: BedPlace };

/** What an admission came to. */
export type AdmitOutcome =
  | { kind: 'admitted'; admission: AdmissionRecord }
  | BedRefusal
  /** The patient already has an active admission; where, when it could be read back. */
  | { kind: 'patient-admitted'; current: (BedPlace & { wardId: string }) | undefined };

/** What a transfer came to. */
export type TransferOutcome = { kind: 'transferred'; admission: AdmissionRecord } | { kind: 'admission-not-found' } | BedRefusal;

/** What a discharge came to. */
export type DischargeOutcome = { kind: 'discharged'; admission: AdmissionRecord } | { kind: 'admission-not-found' };

/**
 * Checks a transition against the admission's current (locked) state; throws to refuse it,
 * which rolls the change back.
 */
export type TransitionGuard = (current: AdmissionState) => void;

/** Admissions. */
export interface AdmissionRepository {
  /**
   * Admissions by id; unknown ids are left out.
   * @param ids - admission UUIDs
   */
  findByIds(ids: readonly string[]): Promise<AdmissionRecord[]>;
  /**
   * Every admission of some patients, newest first.
   * @param patientIds - patient UUIDs
   */
  findByPatients(patientIds: readonly string[]): Promise<AdmissionRecord[]>;
  /**
   * A page of admissions, newest admission first.
   * @param query - filter, start position and how many rows to read
   */
  list(query: AdmissionFilter & { after?: AdmissionPosition; limit: number }): Promise<AdmissionRecord[]>;
  /**
   * How many admissions match a filter.
   * @param filter - the filter
   */
  count(filter: AdmissionFilter): Promise<number>;
  /**
   * Admits a patient into a bed.
   * @param admission - patient, bed, reason and who records it
   */
  admit(admission: { patientId: string; bedId: string; reason: string; admittedBy: string }): Promise<AdmitOutcome>;
  /**
   * Moves an active admission to another bed and records the transfer.
   * @param transfer - admission, target bed, who records it
   * @param guard - the transition rule, checked on the locked admission
   */
  transfer(transfer: { admissionId: string; bedId: string; by: string }, guard: TransitionGuard): Promise<TransferOutcome>;
  /**
   * Discharges an active admission.
   * @param discharge - admission, summary, who records it
   * @param guard - the transition rule, checked on the locked admission
   */
  discharge(discharge: { admissionId: string; summary: string; by: string }, guard: TransitionGuard): Promise<DischargeOutcome>;
}
