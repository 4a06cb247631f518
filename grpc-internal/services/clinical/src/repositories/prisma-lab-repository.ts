/** LabRepository on Prisma (schema `clinical`, tables lab_orders and lab_results). */
import type { PrismaClient } from '@hospital/db';
import { databaseErrorOf, SQLSTATE } from '@hospital/service-kit';
import type { LabRepository } from './clinical-repository.ts';
import type { LabOrderRecord, LabResultRecord } from './records.ts';

const withResults = { results: { orderBy: [{ enteredAt: 'asc' as const }, { id: 'asc' as const }] } };

type OrderRow = Awaited<ReturnType<PrismaClient['labOrder']['findUniqueOrThrow']>> & {
  results: (Omit<LabResultRecord, 'value'> & { value: { toString(): string } })[];
};

const toRecord = (row: OrderRow): LabOrderRecord => ({ ...row, results: row.results.map((r) => ({ ...r, value: Number(r.value.toString()) })) });

/** A unique violation: the index that decides a race said no. */
const isUniqueViolation = (error: unknown) => databaseErrorOf(error)?.sqlState === SQLSTATE.uniqueViolation;

/** Lab orders stored by Prisma. */
export class PrismaLabRepository implements LabRepository {
  /** @param db - the Prisma client */
  constructor(private readonly db: PrismaClient) {}

  async order(order: { patientId: string; encounterId: string; orderedBy: string; loincCodes: readonly string[] }): Promise<LabOrderRecord[]> {
    const { loincCodes, ...common } = order;
    const rows = await this.db.$transaction(loincCodes.map((loincCode) => this.db.labOrder.create({ data: { ...common, loincCode }, include: withResults })));
    return rows.map(toRecord);
  }

  async find(id: string): Promise<LabOrderRecord | undefined> {
    const row = await this.db.labOrder.findUnique({ where: { id }, include: withResults });
    return row ? toRecord(row) : undefined;
  }

  async enter(result: Pick<LabResultRecord, 'orderId' | 'value' | 'unit' | 'flag' | 'enteredBy'>): Promise<LabOrderRecord | 'entered'> {
    try {
      // lab_results_one_original_key (order_id WHERE amends_result_id IS NULL) lets one original in.
      await this.db.labResult.create({ data: result });
    } catch (error) {
      if (isUniqueViolation(error)) return 'entered';
      throw error;
    }
    return toRecord(await this.db.labOrder.findUniqueOrThrow({ where: { id: result.orderId }, include: withResults }));
  }

  async amend(result: Pick<LabResultRecord, 'orderId' | 'value' | 'unit' | 'flag' | 'enteredBy'> & { amendsResultId: string }): Promise<LabOrderRecord | 'stale'> {
    try {
      // amends_result_id is unique: of two corrections of the same current result one lands.
      await this.db.labResult.create({ data: result });
    } catch (error) {
      if (isUniqueViolation(error)) return 'stale';
      throw error;
    }
    return toRecord(await this.db.labOrder.findUniqueOrThrow({ where: { id: result.orderId }, include: withResults }));
  }

  async ofPatients(patientIds: readonly string[]): Promise<LabOrderRecord[]> {
    if (patientIds.length === 0) return [];
    const rows = await this.db.labOrder.findMany({ where: { patientId: { in: [...patientIds] } }, orderBy: [{ orderedAt: 'desc' }, { id: 'asc' }], include: withResults });
    return rows.map(toRecord);
  }
}
