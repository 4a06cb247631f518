/** Storage of wards and beds. */
import type { BedPlace, BedRecord, WardRecord } from './records.ts';

/** A new ward. */
export interface NewWard {
  /** Name. */
  name: string;
  /** Code, already normalised to upper case. */
  code: string;
  /** Specialty, if any. */
  specialty: string | null;
}

/** What taking a bed out of service (or back) came to. */
export type OutOfServiceOutcome =
  | { kind: 'updated'; bed: BedRecord }
  | { kind: 'bed-not-found' }
  /** A patient lies in the bed: it cannot be taken out of service. */
  | { kind: 'bed-occupied'; bed: BedPlace };

/** Wards and beds. */
export interface WardRepository {
  /** Every ward with its counts, ordered by name then code. */
  listWards(): Promise<WardRecord[]>;
  /**
   * Wards by id with their counts, in no particular order; unknown ids are left out.
   * @param ids - ward UUIDs
   */
  findWardsByIds(ids: readonly string[]): Promise<WardRecord[]>;
  /**
   * Creates a ward; undefined when the code is taken.
   * @param ward - name, code, specialty
   */
  createWard(ward: NewWard): Promise<WardRecord | undefined>;
  /**
   * Adds a bed; 'ward-not-found' or 'label-taken' when it cannot.
   * @param bed - ward and label
   */
  addBed(bed: { wardId: string; label: string }): Promise<BedRecord | 'ward-not-found' | 'label-taken'>;
  /**
   * Beds of some wards with their occupants, ordered by ward then label.
   * @param wardIds - ward UUIDs
   */
  bedsOfWards(wardIds: readonly string[]): Promise<BedRecord[]>;
  /**
   * Beds by id with their occupants; unknown ids are left out.
   * @param ids - bed UUIDs
   */
  findBedsByIds(ids: readonly string[]): Promise<BedRecord[]>;
  /**
   * Takes a free bed out of service or puts a bed back, serialised against admissions into it.
   * @param bedId - the bed
   * @param outOfService - the new state
   */
  setOutOfService(bedId: string, outOfService: boolean): Promise<OutOfServiceOutcome>;
}
