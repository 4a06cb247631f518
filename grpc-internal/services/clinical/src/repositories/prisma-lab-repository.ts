/** LabRepository on Prisma (schema `clinical`, tables lab_orders and lab_results; events to outbox_events). */
import type { Prisma, PrismaClient } from '@hospital/db';
import type { ClinicalEventV1 } from '@hospital/grpc-contracts';
import { databaseErrorOf, SQLSTATE } from '@hospital/service-kit';
import { writeClinicalEvent } from '../outbox/clinical-outbox-writer.ts';
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

  async findByIds(ids: readonly string[]): Promise<LabOrderRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.labOrder.findMany({ where: { id: { in: [...ids] } }, include: withResults });
    return rows.map(toRecord);
  }

  async enter(
    result: Pick<LabResultRecord, 'orderId' | 'value' | 'unit' | 'flag' | 'enteredBy'>,
    eventOf: (stored: LabResultRecord) => ClinicalEventV1,
  ): Promise<LabOrderRecord | 'entered'> {
    // lab_results_one_original_key (order_id WHERE amends_result_id IS NULL) lets one original in.
    return this.storeWithEvent(result, eventOf, 'entered');
  }

  async amend(
    result: Pick<LabResultRecord, 'orderId' | 'value' | 'unit' | 'flag' | 'enteredBy'> & { amendsResultId: string },
    eventOf: (stored: LabResultRecord) => ClinicalEventV1,
  ): Promise<LabOrderRecord | 'stale'> {
    // amends_result_id is unique: of two corrections of the same current result one lands.
    return this.storeWithEvent(result, eventOf, 'stale');
  }

  /** Inserts a result and its outbox event in one transaction; `lost` when a unique index refused the result (no event then). */
  private async storeWithEvent<Lost extends string>(
    data: Prisma.LabResultUncheckedCreateInput,
    eventOf: (stored: LabResultRecord) => ClinicalEventV1,
    lost: Lost,
  ): Promise<LabOrderRecord | Lost> {
    try {
      return await this.db.$transaction(async (tx) => {
        const stored = await tx.labResult.create({ data });
        await writeClinicalEvent(tx, eventOf({ ...stored, value: Number(stored.value.toString()) }));
        return toRecord(await tx.labOrder.findUniqueOrThrow({ where: { id: stored.orderId }, include: withResults }));
      });
    } catch (error) {
      if (isUniqueViolation(error)) return lost;
      throw error;
    }
  }

  async ofPatients(patientIds: readonly string[]): Promise<LabOrderRecord[]> {
    if (patientIds.length === 0) return [];
    const rows = await this.db.labOrder.findMany({ where: { patientId: { in: [...patientIds] } }, orderBy: [{ orderedAt: 'desc' }, { id: 'asc' }], include: withResults });
    return rows.map(toRecord);
  }
}
