/** WardRepository on Prisma (schema `ward`, tables `wards` and `beds`). */
import { Prisma, type PrismaClient } from '@hospital/db';
import { databaseErrorOf, SQLSTATE } from '@hospital/service-kit';
import type { BedRecord, WardRecord } from './records.ts';
import { BED_INCLUDE, lockBed, toBedRecord, TX_OPTIONS } from './stored-shapes.ts';
import type { NewWard, OutOfServiceOutcome, WardRepository } from './ward-repository.ts';

interface WardRow {
  id: string;
  name: string;
  code: string;
  specialty: string | null;
  created_at: Date;
  bed_count: number;
  occupied_count: number;
  out_of_service_count: number;
}

function toWardRecord(row: WardRow): WardRecord {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    specialty: row.specialty,
    createdAt: row.created_at,
    bedCount: row.bed_count,
    occupiedCount: row.occupied_count,
    outOfServiceCount: row.out_of_service_count,
  };
}

/** Wards and beds stored by Prisma. */
export class PrismaWardRepository implements WardRepository {
  /** @param db - the Prisma client (transactions are opened here) */
  constructor(private readonly db: PrismaClient) {}

  /** Wards with counts in one aggregate; the active-admission join adds at most one row per bed. */
  private async wardsWhere(condition: Prisma.Sql): Promise<WardRecord[]> {
    const rows = await this.db.$queryRaw<WardRow[]>`
      SELECT w.id::text AS id, w.name, w.code, w.specialty, w.created_at,
             count(b.id)::int AS bed_count,
             count(a.id)::int AS occupied_count,
             (count(b.id) FILTER (WHERE b.out_of_service))::int AS out_of_service_count
        FROM ward.wards w
        LEFT JOIN ward.beds b ON b.ward_id = w.id
        LEFT JOIN ward.admissions a ON a.bed_id = b.id AND a.discharged_at IS NULL
       WHERE ${condition}
       GROUP BY w.id
       ORDER BY w.name, w.code`;
    return rows.map(toWardRecord);
  }

  listWards(): Promise<WardRecord[]> {
    return this.wardsWhere(Prisma.sql`TRUE`);
  }

  async findWardsByIds(ids: readonly string[]): Promise<WardRecord[]> {
    if (ids.length === 0) return [];
    return this.wardsWhere(Prisma.sql`w.id = ANY(${[...ids]}::uuid[])`);
  }

  async createWard(ward: NewWard): Promise<WardRecord | undefined> {
    try {
      const created = await this.db.ward.create({ data: ward });
      return { ...created, bedCount: 0, occupiedCount: 0, outOfServiceCount: 0 };
    } catch (error) {
      // The unique index decides, so two concurrent creations of one code cannot both succeed.
      if (databaseErrorOf(error)?.sqlState === SQLSTATE.uniqueViolation) return undefined;
      throw error;
    }
  }

  async addBed(bed: { wardId: string; label: string }): Promise<BedRecord | 'ward-not-found' | 'label-taken'> {
    try {
      return toBedRecord(await this.db.bed.create({ data: bed, include: BED_INCLUDE }));
    } catch (error) {
      const sqlState = databaseErrorOf(error)?.sqlState;
      if (sqlState === SQLSTATE.foreignKeyViolation) return 'ward-not-found';
      if (sqlState === SQLSTATE.uniqueViolation) return 'label-taken';
      throw error;
    }
  }

  async bedsOfWards(wardIds: readonly string[]): Promise<BedRecord[]> {
    if (wardIds.length === 0) return [];
    const beds = await this.db.bed.findMany({
      where: { wardId: { in: [...wardIds] } },
      include: BED_INCLUDE,
      orderBy: [{ wardId: 'asc' }, { label: 'asc' }],
    });
    return beds.map(toBedRecord);
  }

  async findBedsByIds(ids: readonly string[]): Promise<BedRecord[]> {
    if (ids.length === 0) return [];
    const beds = await this.db.bed.findMany({ where: { id: { in: [...ids] } }, include: BED_INCLUDE });
    return beds.map(toBedRecord);
  }

  setOutOfService(bedId: string, outOfService: boolean): Promise<OutOfServiceOutcome> {
    return this.db.$transaction(async (tx): Promise<OutOfServiceOutcome> => {
      // The UPDATE lock waits for admissions holding a SHARE lock on the bed; the count below
      // runs after it, as a new statement, so it sees any admission they committed.
      const bed = await lockBed(tx, bedId, 'update');
      if (!bed) return { kind: 'bed-not-found' };
      if (outOfService && (await tx.admission.count({ where: { bedId, dischargedAt: null } })) > 0) {
        return { kind: 'bed-occupied', bed: { label: bed.label, wardName: bed.wardName } };
      }
      const updated = await tx.bed.update({ where: { id: bedId }, data: { outOfService }, include: BED_INCLUDE });
      return { kind: 'updated', bed: toBedRecord(updated) };
    }, TX_OPTIONS);
  }
}
