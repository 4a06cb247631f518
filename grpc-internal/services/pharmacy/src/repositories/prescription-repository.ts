/** Prescriptions as the handlers see them, and the two guarded transitions. */
import type { Allocation } from '../domain/fefo-allocation.ts';
import type { PrescriptionStatusName } from '../domain/prescription-status.ts';
import type { LotRecord } from './drug-repository.ts';

/** An overridden allergy warning. */
export interface AllergyOverrideRecord {
  /** The doctor's reason. */
  reason: string;
  /** Who overrode. */
  by: string;
  /** When. */
  at: Date;
  /** The allergies that matched. */
  allergies: string[];
}

/** Units taken from one lot. */
export interface DispensationRecord {
  /** The lot. */
  lotId: string;
  /** Its lot number. */
  lotNumber: string;
  /** Its expiry, YYYY-MM-DD. */
  expiresOn: string;
  /** Units taken. */
  quantity: number;
}

/** A pharmacist's query (the prescription stays pending) or rejection (it is cancelled). */
export interface PrescriptionReviewRecord {
  action: 'QUERY' | 'REJECT';
  reason: string;
  by: string;
  at: Date;
}

/** A stored prescription. */
export interface PrescriptionRecord {
  id: string;
  status: PrescriptionStatusName;
  patientId: string;
  drugId: string;
  prescriberId: string;
  dose: string;
  frequency: string;
  durationDays: number;
  quantity: number;
  allergyOverride: AllergyOverrideRecord | null;
  prescribedAt: Date;
  dispensedAt: Date | null;
  dispensedBy: string | null;
  dispensations: DispensationRecord[];
  cancelledAt: Date | null;
  cancelledBy: string | null;
  cancellationReason: string | null;
  /** Route code of a structured prescription; null for older ones. */
  route: string | null;
  review: PrescriptionReviewRecord | null;
}

/** The fields a new prescription sets. */
export type NewPrescription = Pick<
  PrescriptionRecord,
  'patientId' | 'drugId' | 'prescriberId' | 'dose' | 'frequency' | 'durationDays' | 'quantity' | 'allergyOverride' | 'prescribedAt' | 'route'
>;

/** Which prescriptions to list. */
export interface PrescriptionFilter {
  /** Only this status. */
  status?: PrescriptionStatusName;
  /** Only this patient. */
  patientId?: string;
}

/** Where a page starts (exclusive) in (prescribedAt, id) order. */
export interface PrescriptionPosition {
  /** When the previous page's last prescription was written. */
  prescribedAt: Date;
  /** Its id. */
  id: string;
}

/** A prescription as a transition decision (dispense, cancel) sees it, with its row locked. */
export interface LockedPrescription {
  id: string;
  status: PrescriptionStatusName;
  drugId: string;
  quantity: number;
  /** Whose prescription it is (object-level checks). */
  patientId: string;
  /** Who wrote it (only they may withdraw it). */
  prescriberId: string;
}

/** Storage of prescriptions. */
export interface PrescriptionRepository {
  /** @param prescription - the new prescription (status pending) */
  create(prescription: NewPrescription): Promise<PrescriptionRecord>;
  /**
   * Prescriptions by id, in no particular order; unknown ids are left out.
   * @param ids - UUIDs
   */
  findByIds(ids: readonly string[]): Promise<PrescriptionRecord[]>;
  /**
   * A page in (prescribedAt, id) order.
   * @param query - filter, direction, start and row count
   */
  list(query: PrescriptionFilter & { newestFirst: boolean; after?: PrescriptionPosition; limit: number }): Promise<PrescriptionRecord[]>;
  /** @param filter - which prescriptions to count */
  count(filter: PrescriptionFilter): Promise<number>;
  /**
   * The newest prescriptions of each patient, up to `perPatient` each, in one query.
   * @param query - patients, optional status, limit per patient
   */
  listForPatients(query: { patientIds: readonly string[]; status?: PrescriptionStatusName; perPatient: number }): Promise<PrescriptionRecord[]>;
  /**
   * Cancels under a row lock; `check` sees the locked prescription and throws to refuse.
   * @param request - id, who, why, when, and the check (prescriber, transition)
   * @returns undefined for an unknown id
   */
  cancel(request: { id: string; by: string; reason: string; at: Date; check: (locked: LockedPrescription) => void }): Promise<PrescriptionRecord | undefined>;
  /**
   * Records a pharmacist's query or rejection under a row lock (a rejection also cancels, with the
   * reason as the cancellation's); `check` sees the locked prescription and throws to refuse.
   * @returns undefined for an unknown id
   */
  review(request: { id: string; review: PrescriptionReviewRecord; check: (locked: LockedPrescription) => void }): Promise<PrescriptionRecord | undefined>;
  /**
   * Dispenses in one transaction: locks the prescription, then the drug's unexpired lots holding
   * stock in (expiry, id) order, asks `allocate` which units to take (it throws to refuse),
   * takes them, and writes the ledger, the dispensations and the new status.
   * @param request - id, who, when, the current day, and the allocation decision
   * @returns undefined for an unknown id
   */
  dispense(request: {
    id: string;
    by: string;
    at: Date;
    today: string;
    allocate: (prescription: LockedPrescription, lots: LotRecord[]) => Allocation[];
  }): Promise<PrescriptionRecord | undefined>;
}
