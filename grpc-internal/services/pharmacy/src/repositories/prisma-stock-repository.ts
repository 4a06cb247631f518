/** StockRepository on Prisma (schema `pharmacy`, tables `stock_lots` and `stock_movements`). */
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@hospital/db';
import { dateColumn, isSqlState, SQLSTATE } from './db-errors.ts';
import type { LotRecord } from './drug-repository.ts';
import { toLotRecord } from './prisma-drug-repository.ts';
import type { AdjustOutcome, AdjustStock, MovementRecord, ReceiveOutcome, ReceiveStock, StockRepository } from './stock-repository.ts';

/** A lot row as the raw statements below return it (dates already as text). */
interface LotRow {
  id: string;
  drug_id: string;
  lot_number: string;
  quantity: number;
  expires_on: string;
  received_at: Date;
}

function fromRow(row: LotRow): LotRecord {
  return { id: row.id, drugId: row.drug_id, lotNumber: row.lot_number, quantity: row.quantity, expiresOn: row.expires_on, receivedAt: row.received_at };
}

/** Stock stored by Prisma. */
export class PrismaStockRepository implements StockRepository {
  /** @param db - the Prisma client (changes open their own transactions) */
  constructor(private readonly db: PrismaClient) {}

  async receive(receipt: ReceiveStock): Promise<ReceiveOutcome> {
    try {
      return await this.db.$transaction(async (tx) => {
        // One statement creates the lot or tops it up; the WHERE refuses a top-up whose expiry
        // differs, so a mislabelled delivery never merges into the wrong lot.
        const rows = await tx.$queryRaw<LotRow[]>`
          INSERT INTO pharmacy.stock_lots (id, drug_id, lot_number, quantity, expires_on)
          VALUES (${randomUUID()}::uuid, ${receipt.drugId}::uuid, ${receipt.lotNumber}, ${receipt.quantity}, ${receipt.expiresOn}::date)
          ON CONFLICT (drug_id, lot_number) DO UPDATE SET quantity = stock_lots.quantity + EXCLUDED.quantity
           WHERE stock_lots.expires_on = EXCLUDED.expires_on
          RETURNING id::text, drug_id::text, lot_number, quantity, expires_on::text, received_at`;
        const lot = rows[0];
        if (!lot) {
          const recorded = await tx.stockLot.findUniqueOrThrow({ where: { drugId_lotNumber: { drugId: receipt.drugId, lotNumber: receipt.lotNumber } } });
          return { kind: 'expiry-mismatch', recordedExpiresOn: toLotRecord(recorded).expiresOn } as const;
        }
        await tx.stockMovement.create({
          data: { lotId: lot.id, drugId: lot.drug_id, kind: 'receive', delta: receipt.quantity, quantityAfter: lot.quantity, actorId: receipt.actorId },
        });
        return { kind: 'received', lot: fromRow(lot) } as const;
      });
    } catch (error) {
      if (isSqlState(error, SQLSTATE.foreignKeyViolation)) return { kind: 'unknown-drug' };
      if (isSqlState(error, SQLSTATE.numericOutOfRange)) return { kind: 'too-large' };
      throw error;
    }
  }

  async adjust(adjustment: AdjustStock): Promise<AdjustOutcome> {
    try {
      return await this.adjustInTransaction(adjustment);
    } catch (error) {
      if (isSqlState(error, SQLSTATE.numericOutOfRange)) return { kind: 'too-large' };
      throw error;
    }
  }

  private adjustInTransaction(adjustment: AdjustStock): Promise<AdjustOutcome> {
    return this.db.$transaction(async (tx) => {
      // The floor is checked in the UPDATE itself, against the row as locked: no read-then-write.
      const rows = await tx.$queryRaw<LotRow[]>`
        UPDATE pharmacy.stock_lots SET quantity = quantity + ${adjustment.delta}
         WHERE id = ${adjustment.lotId}::uuid AND quantity + ${adjustment.delta} >= 0
        RETURNING id::text, drug_id::text, lot_number, quantity, expires_on::text, received_at`;
      const lot = rows[0];
      if (!lot) {
        const current = await tx.stockLot.findUnique({ where: { id: adjustment.lotId }, select: { quantity: true } });
        return current ? ({ kind: 'insufficient', onHand: current.quantity } as const) : ({ kind: 'unknown-lot' } as const);
      }
      await tx.stockMovement.create({
        data: {
          lotId: lot.id,
          drugId: lot.drug_id,
          kind: 'adjust',
          delta: adjustment.delta,
          quantityAfter: lot.quantity,
          reason: adjustment.reason,
          actorId: adjustment.actorId,
        },
      });
      return { kind: 'adjusted', lot: fromRow(lot) } as const;
    });
  }

  async expiringLots(query: { until: string; limit: number }): Promise<LotRecord[]> {
    const lots = await this.db.stockLot.findMany({
      where: { quantity: { gt: 0 }, expiresOn: { lte: dateColumn(query.until) } },
      orderBy: [{ expiresOn: 'asc' }, { id: 'asc' }],
      take: query.limit,
    });
    return lots.map(toLotRecord);
  }

  async movements(query: { drugId: string; limit: number }): Promise<MovementRecord[]> {
    const rows = await this.db.stockMovement.findMany({
      where: { drugId: query.drugId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: query.limit,
      include: { lot: { select: { lotNumber: true } } },
    });
    return rows.map((row) => ({
      id: row.id,
      lotId: row.lotId,
      lotNumber: row.lot.lotNumber,
      drugId: row.drugId,
      kind: row.kind,
      delta: row.delta,
      quantityAfter: row.quantityAfter,
      reason: row.reason,
      prescriptionId: row.prescriptionId,
      actorId: row.actorId,
      createdAt: row.createdAt,
    }));
  }
}
