/**
 * Patients as the handlers see them. Dates of birth are calendar strings (YYYY-MM-DD) here; how
 * they are stored is the implementation's business.
 */
import type { SexName } from '../domain/sex.ts';
import type { PatientSearch } from '../domain/search-query.ts';

/** A stored patient. */
export interface PatientRecord {
  /** UUID. */
  id: string;
  /** Medical record number (MRN-000123). */
  mrn: string;
  /** Given name. */
  givenName: string;
  /** Family name. */
  familyName: string;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  /** Sex as recorded. */
  sex: SexName;
  /** Phone, if known. */
  phone: string | null;
  /** Email, if known. */
  email: string | null;
  /** Postal address, if known. */
  address: string | null;
  /** Allergies as recorded. */
  allergies: string[];
  /** When archived; null while active. */
  archivedAt: Date | null;
  /** Registration time. */
  createdAt: Date;
  /** Last change. */
  updatedAt: Date;
}

/** The demographic fields a registration sets. */
export type PatientDetails = Pick<PatientRecord, 'givenName' | 'familyName' | 'dateOfBirth' | 'sex' | 'phone' | 'email' | 'address' | 'allergies'>;

/** Fields to change; absent fields stay as they are. */
export type PatientChanges = Partial<PatientDetails>;

/** Who makes a change, as the allergy history records them. */
export interface ChangeAuthor {
  /** User id, or `service:<name>`. */
  by: string;
  /** The user's role at the time; null for a service. */
  role: string | null;
}

/** One change of a patient's allergy list. */
export interface AllergyChangeRecord {
  id: string;
  patientId: string;
  changedBy: string;
  changedByRole: string | null;
  changedAt: Date;
  /** The list before (empty at registration). */
  before: string[];
  /** The list after. */
  after: string[];
}

/**
 * Where a page starts (exclusive). Results come in two sections (0: family name matches, and
 * every MRN, date-of-birth or empty search; 1: given name matches only), each in the order of
 * its keys: the matched name lower-cased, then the other name, then MRN, then id.
 */
export interface PatientPosition {
  /** 0 or 1. */
  section: 0 | 1;
  /** The section's first key of the previous page's last row (lower-cased family, or given, name). */
  first: string;
  /** The other name, lower-cased. */
  second: string;
  /** MRN of the previous page's last row. */
  mrn: string;
  /** Id of the previous page's last row. */
  id: string;
}

/** One search result and its position (the cursor's content). */
export interface PatientHit {
  patient: PatientRecord;
  position: PatientPosition;
}

/** A count that stops at a cap. */
export interface CappedCount {
  /** Matches counted: exact when `capped` is false, else the cap. */
  count: number;
  /** True when more patients match than `count`. */
  capped: boolean;
}

/** A search without paging. */
export interface PatientFilter {
  /** The parsed search. */
  search: PatientSearch;
  /** Include archived records. */
  includeArchived: boolean;
}

/** Why a record may be the same person as a registration's details. */
export type DuplicateReasonName = 'NAME_AND_DATE_OF_BIRTH' | 'PHONE';

/** A record that may be the same person, and every rule it matched. */
export interface DuplicateCandidate {
  patient: PatientRecord;
  reasons: DuplicateReasonName[];
}

/** A registration checked for duplicates: the new record, or the candidates that stopped it. */
export type CheckedRegistration = { registered: PatientRecord } | { candidates: DuplicateCandidate[] };

/** Storage of patients. */
export interface PatientRepository {
  /**
   * Patients by id (archived included), in no particular order; unknown ids are left out.
   * @param ids - UUIDs
   */
  findByIds(ids: readonly string[]): Promise<PatientRecord[]>;
  /**
   * A page of matches in result order (see PatientPosition), each with its position.
   * @param query - the filter, start position and how many rows to read
   */
  search(query: PatientFilter & { after?: PatientPosition; limit: number }): Promise<PatientHit[]>;
  /**
   * How many patients match a filter, counted up to a cap (a cheap count at any size).
   * @param filter - the filter
   */
  count(filter: PatientFilter): Promise<CappedCount>;
  /**
   * How many patients match a filter, every one counted (reads every match).
   * @param filter - the filter
   */
  countExact(filter: PatientFilter): Promise<number>;
  /**
   * Registers a patient; the database assigns the MRN. Allergies given start the history.
   * @param details - the demographics
   * @param author - who registers, for the allergy history
   */
  register(details: PatientDetails, author: ChangeAuthor): Promise<PatientRecord>;
  /**
   * Registers a patient unless an active record may be the same person (same date of birth and
   * name words, or same phone); then nothing is written and the candidates are returned. Two
   * identical registrations racing: one registers, the other gets it as a candidate.
   * @param details - the demographics
   * @param author - who registers, for the allergy history
   */
  registerUnlessDuplicate(details: PatientDetails, author: ChangeAuthor): Promise<CheckedRegistration>;
  /**
   * Active records that may be the same person as these details, oldest first (at most 10).
   * @param probe - names, date of birth and phone
   */
  findPossibleDuplicates(probe: Pick<PatientDetails, 'givenName' | 'familyName' | 'dateOfBirth' | 'phone'>): Promise<DuplicateCandidate[]>;
  /**
   * Applies changes; undefined for an unknown id. A changed allergy list is recorded in the
   * allergy history in the same transaction (an identical list is no change).
   * @param id - patient UUID
   * @param changes - fields to change
   * @param author - who changes, for the allergy history
   */
  update(id: string, changes: PatientChanges, author: ChangeAuthor): Promise<PatientRecord | undefined>;
  /**
   * One page of a patient's allergy changes, newest first.
   * @param patientId - UUID
   * @param page - how many (`first`), and after which change (`after`, its id; the newest when absent)
   * @returns the page, and whether older changes follow; undefined when `after` is no change of this patient
   */
  allergyHistoryPage(patientId: string, page: { first: number; after?: string }): Promise<{ changes: AllergyChangeRecord[]; hasMore: boolean } | undefined>;
  /**
   * Archives a patient (idempotent: an archived record keeps its first archive time).
   * @param id - patient UUID
   */
  archive(id: string): Promise<PatientRecord | undefined>;
}
