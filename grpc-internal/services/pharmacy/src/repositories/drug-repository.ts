/**
 * The drug catalogue and its lots as the handlers see them. Expiry dates are calendar strings
 * (YYYY-MM-DD) here; how they are stored is the implementation's business.
 */
import type { DrugFormName } from '../domain/drug-form.ts';

/** A catalogue entry. */
export interface DrugRecord {
  /** UUID. */
  id: string;
  /** Upper-case code, unique. */
  code: string;
  /** Name. */
  name: string;
  /** Form supplied. */
  form: DrugFormName;
  /** Strength, free text. */
  strength: string;
  /** When added. */
  createdAt: Date;
}

/** A lot of one drug. */
export interface LotRecord {
  /** UUID. */
  id: string;
  /** The drug. */
  drugId: string;
  /** Lot number, upper case. */
  lotNumber: string;
  /** Units on hand. */
  quantity: number;
  /** Last day of use, YYYY-MM-DD. */
  expiresOn: string;
  /** When first received. */
  receivedAt: Date;
}

/** A drug with the lots that hold stock (expired ones included), earliest expiry first. */
export interface DrugWithLots extends DrugRecord {
  /** Lots with quantity above zero. */
  lots: LotRecord[];
}

/** The fields a new catalogue entry sets. */
export type NewDrug = Pick<DrugRecord, 'code' | 'name' | 'form' | 'strength'>;

/** Where a search page starts (exclusive), in (lower(name), code, id) order. */
export interface DrugPosition {
  /** Lower-cased name of the previous page's last drug. */
  lowerName: string;
  /** Its code. */
  code: string;
  /** Its id. */
  id: string;
}

/** Storage of the catalogue. */
export interface DrugRepository {
  /**
   * Drugs by id with their lots, in no particular order; unknown ids are left out.
   * @param ids - UUIDs
   */
  findByIds(ids: readonly string[]): Promise<DrugWithLots[]>;
  /**
   * A page of drugs whose name or code starts with the search (case-insensitive).
   * @param query - search text (may be empty), start position and how many rows to read
   */
  search(query: { search: string; after?: DrugPosition; limit: number }): Promise<DrugWithLots[]>;
  /**
   * How many drugs a search matches.
   * @param search - search text (may be empty)
   */
  count(search: string): Promise<number>;
  /**
   * Adds a drug; undefined when the code is taken (the unique index decides, so two concurrent
   * creations of one code cannot both succeed).
   * @param drug - the new entry
   */
  create(drug: NewDrug): Promise<DrugRecord | undefined>;
  /**
   * Drugs whose unexpired stock is below a threshold, lowest first.
   * @param query - threshold, the current day and a row limit
   */
  lowStock(query: { threshold: number; today: string; limit: number }): Promise<DrugWithLots[]>;
}
