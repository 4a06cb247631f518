/**
 * Wards, beds and admissions as the handlers see them (no Prisma types leak past the
 * repositories). Patients and staff are other departments' records: held here by id only.
 */

/** A ward with its occupancy at the time of reading. */
export interface WardRecord {
  /** UUID. */
  id: string;
  /** Name (General Medicine). */
  name: string;
  /** Unique code, upper case (GEN-MED). */
  code: string;
  /** Clinical specialty, if recorded. */
  specialty: string | null;
  /** When the ward was created. */
  createdAt: Date;
  /** Beds on the ward. */
  bedCount: number;
  /** Beds held by an active admission. */
  occupiedCount: number;
  /** Beds out of service. */
  outOfServiceCount: number;
}

/** Where a bed is, in the words a message to staff uses. */
export interface BedPlace {
  /** Bed label (B-12). */
  label: string;
  /** Name of the bed's ward. */
  wardName: string;
}

/** One recorded move between beds. */
export interface TransferRecord {
  /** Bed left. */
  fromBedId: string;
  /** Bed moved to. */
  toBedId: string;
  /** When it was recorded. */
  transferredAt: Date;
  /** User id of who recorded it. */
  transferredBy: string;
}

/** A stay, from admission to discharge. */
export interface AdmissionRecord {
  /** UUID. */
  id: string;
  /** Patient id (patients department). */
  patientId: string;
  /** The bed held now (or last, once discharged). */
  bedId: string;
  /** That bed's ward. */
  wardId: string;
  /** Why the patient was admitted. */
  reason: string;
  /** When admitted. */
  admittedAt: Date;
  /** User id of who recorded the admission. */
  admittedBy: string;
  /** When discharged; null while admitted. */
  dischargedAt: Date | null;
  /** User id of who recorded the discharge. */
  dischargedBy: string | null;
  /** The discharge summary. */
  dischargeSummary: string | null;
  /** Transfers, oldest first. */
  transfers: TransferRecord[];
}

/** A bed with the active admission holding it, if any. */
export interface BedRecord {
  /** UUID. */
  id: string;
  /** The ward it belongs to. */
  wardId: string;
  /** Label unique within the ward. */
  label: string;
  /** Out of service: no admissions into it. */
  outOfService: boolean;
  /** When the bed was added. */
  createdAt: Date;
  /** The active admission in the bed; null when free. */
  occupant: AdmissionRecord | null;
}

/** The state of an admission that the transition rules look at. */
export interface AdmissionState {
  /** The bed held now. */
  bedId: string;
  /** That bed's ward (who may change the admission depends on it). */
  wardId: string;
  /** When discharged; null while admitted. */
  dischargedAt: Date | null;
}

/** A staff member's assignment to a ward. */
export interface StaffAssignmentRecord {
  /** User id (identity department). */
  userId: string;
  /** The ward. */
  wardId: string;
  /** When the assignment was made. */
  assignedAt: Date;
}
