/**
 * Stock movements: receipts, adjustments, the reports over lots, and the ledger. Every change
 * writes its ledger row in the same transaction as the change itself.
 */
import type { LotRecord } from './drug-repository.ts';

/** A delivery to record. */
export interface ReceiveStock {
  /** The drug. */
  drugId: string;
  /** Lot number, upper case. */
  lotNumber: string;
  /** Units received (positive). */
  quantity: number;
  /** Last day of use, YYYY-MM-DD. */
  expiresOn: string;
  /** Who received it. */
  actorId: string;
}

/** What a receipt did. */
export type ReceiveOutcome =
  | { kind: 'received'; lot: LotRecord }
  | { kind: 'unknown-drug' }
  | { kind: 'expiry-mismatch'; recordedExpiresOn: string }
  /** The lot's total would not fit a 32-bit quantity. */
  | { kind: 'too-large' };

/** A correction to record. */
export interface AdjustStock {
  /** The lot. */
  lotId: string;
  /** Signed change (not zero). */
  delta: number;
  /** Why. */
  reason: string;
  /** Who corrected it. */
  actorId: string;
}

/** What an adjustment did. */
export type AdjustOutcome =
  | { kind: 'adjusted'; lot: LotRecord }
  | { kind: 'unknown-lot' }
  | { kind: 'insufficient'; onHand: number }
  /** The lot's total would not fit a 32-bit quantity. */
  | { kind: 'too-large' };

/** Kinds of ledger rows. */
export type MovementKind = 'receive' | 'dispense' | 'adjust';

/** One ledger row. */
export interface MovementRecord {
  /** UUID. */
  id: string;
  /** The lot. */
  lotId: string;
  /** Its lot number. */
  lotNumber: string;
  /** The drug. */
  drugId: string;
  /** What moved the stock. */
  kind: MovementKind;
  /** Signed change. */
  delta: number;
  /** The lot's quantity right after. */
  quantityAfter: number;
  /** Why, when given. */
  reason: string | null;
  /** The prescription, for dispensing. */
  prescriptionId: string | null;
  /** Who. */
  actorId: string;
  /** When. */
  createdAt: Date;
}

/** Storage of stock. */
export interface StockRepository {
  /**
   * Receives into a lot: a new lot number creates the lot; a known one with the same expiry is
   * topped up in one statement; a known one with another expiry changes nothing.
   * @param receipt - the delivery
   */
  receive(receipt: ReceiveStock): Promise<ReceiveOutcome>;
  /**
   * Adds the signed delta to a lot unless that would take it below zero (checked in the same
   * statement as the update, so concurrent changes cannot both pass).
   * @param adjustment - the correction
   */
  adjust(adjustment: AdjustStock): Promise<AdjustOutcome>;
  /**
   * Lots holding stock whose expiry is on or before a day, soonest first.
   * @param query - the last day and a row limit
   */
  expiringLots(query: { until: string; limit: number }): Promise<LotRecord[]>;
  /**
   * The latest ledger rows of a drug, newest first.
   * @param query - the drug and how many rows
   */
  movements(query: { drugId: string; limit: number }): Promise<MovementRecord[]>;
}
