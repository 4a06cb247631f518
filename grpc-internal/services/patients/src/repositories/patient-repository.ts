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

/** Where a page starts (exclusive), in (familyName, givenName, mrn, id) order. */
export interface PatientPosition {
  /** Family name of the previous page's last row. */
  familyName: string;
  /** Given name of the previous page's last row. */
  givenName: string;
  /** MRN of the previous page's last row. */
  mrn: string;
  /** Id of the previous page's last row. */
  id: string;
}

/** A search without paging. */
export interface PatientFilter {
  /** The parsed search. */
  search: PatientSearch;
  /** Include archived records. */
  includeArchived: boolean;
}

/** Storage of patients. */
export interface PatientRepository {
  /**
   * Patients by id (archived included), in no particular order; unknown ids are left out.
   * @param ids - UUIDs
   */
  findByIds(ids: readonly string[]): Promise<PatientRecord[]>;
  /**
   * A page of matches ordered by family name, given name, MRN, id.
   * @param query - the filter, start position and how many rows to read
   */
  search(query: PatientFilter & { after?: PatientPosition; limit: number }): Promise<PatientRecord[]>;
  /**
   * How many patients match a filter.
   * @param filter - the filter
   */
  count(filter: PatientFilter): Promise<number>;
  /**
   * Registers a patient; the database assigns the MRN. Allergies given start the history.
   * @param details - the demographics
   * @param author - who registers, for the allergy history
   */
  register(details: PatientDetails, author: ChangeAuthor): Promise<PatientRecord>;
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
