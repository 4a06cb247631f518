/** DrugRepository on Prisma (schema `pharmacy`, tables `drugs` and `stock_lots`). */
import { randomUUID } from 'node:crypto';
import { Prisma, type DbClient } from '@hospital/db';
import { dayOf, isSqlState, SQLSTATE } from './db-errors.ts';
import type { DrugPosition, DrugRecord, DrugRepository, DrugWithLots, LotRecord, NewDrug } from './drug-repository.ts';

/**
 * Maps a stored lot to its DTO.
 * @param lot - a `stock_lots` row
 */
export function toLotRecord(lot: Prisma.StockLotModel): LotRecord {
  return { id: lot.id, drugId: lot.drugId, lotNumber: lot.lotNumber, quantity: lot.quantity, expiresOn: dayOf(lot.expiresOn), receivedAt: lot.receivedAt };
}

function toDrugRecord(drug: Prisma.DrugModel): DrugRecord {
  return { id: drug.id, code: drug.code, name: drug.name, form: drug.form, strength: drug.strength, createdAt: drug.createdAt };
}

/** `lower(col) LIKE 'prefix%'` with the search's own wildcards taken literally. */
function prefixPattern(search: string): string {
  return `${search.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
}

function searchCondition(search: string): Prisma.Sql {
  if (search === '') return Prisma.sql`TRUE`;
  const pattern = prefixPattern(search);
  // The exact expressions of the text_pattern_ops indexes, so both sides can use them.
  return Prisma.sql`(lower(name) LIKE ${pattern} OR lower(code) LIKE ${pattern})`;
}

/** The drug catalogue stored by Prisma. */
export class PrismaDrugRepository implements DrugRepository {
  /** @param db - the Prisma client, or a transaction client */
  constructor(private readonly db: DbClient) {}

  async findByIds(ids: readonly string[]): Promise<DrugWithLots[]> {
    if (ids.length === 0) return [];
    const drugs = await this.db.drug.findMany({
      where: { id: { in: [...ids] } },
      include: { lots: { where: { quantity: { gt: 0 } }, orderBy: [{ expiresOn: 'asc' }, { id: 'asc' }] } },
    });
    return drugs.map((drug) => ({ ...toDrugRecord(drug), lots: drug.lots.map(toLotRecord) }));
  }

  async search(query: { search: string; after?: DrugPosition; limit: number }): Promise<DrugWithLots[]> {
    const after = query.after ? Prisma.sql`AND (lower(name), code, id) > (${query.after.lowerName}, ${query.after.code}, ${query.after.id}::uuid)` : Prisma.empty;
    const page = await this.db.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM pharmacy.drugs
       WHERE ${searchCondition(query.search)} ${after}
       ORDER BY lower(name), code, id
       LIMIT ${query.limit}`;
    return this.inOrder(page.map((row) => row.id));
  }

  async count(search: string): Promise<number> {
    const rows = await this.db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM pharmacy.drugs WHERE ${searchCondition(search)}`;
    return Number(rows[0]?.total ?? 0);
  }

  async create(drug: NewDrug): Promise<DrugRecord | undefined> {
    try {
      return toDrugRecord(await this.db.drug.create({ data: { id: randomUUID(), ...drug } }));
    } catch (error) {
      if (isSqlState(error, SQLSTATE.uniqueViolation)) return undefined;
      throw error;
    }
  }

  async lowStock(query: { threshold: number; today: string; limit: number }): Promise<DrugWithLots[]> {
    // One aggregate over the lots; expired stock does not count as stock on hand.
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      SELECT d.id::text AS id
        FROM pharmacy.drugs d
        LEFT JOIN pharmacy.stock_lots l ON l.drug_id = d.id AND l.expires_on >= ${query.today}::date
       GROUP BY d.id
      HAVING COALESCE(SUM(l.quantity), 0) < ${query.threshold}
       ORDER BY COALESCE(SUM(l.quantity), 0), lower(d.name), d.code
       LIMIT ${query.limit}`;
    return this.inOrder(rows.map((row) => row.id));
  }

  /** Loads drugs with lots and returns them in the order of `ids`. */
  private async inOrder(ids: string[]): Promise<DrugWithLots[]> {
    const found = new Map((await this.findByIds(ids)).map((drug) => [drug.id, drug]));
    return ids.flatMap((id) => found.get(id) ?? []);
  }
}
