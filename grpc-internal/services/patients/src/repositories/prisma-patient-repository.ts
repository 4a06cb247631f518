/** PatientRepository on Prisma (schema `patients`, table `patients`). */
import type { DbClient, Patient, Prisma } from '@hospital/db';
import { fromUtcMidnight, toUtcMidnight } from '../domain/calendar-date.ts';
import type {
  AllergyChangeRecord,
  CappedCount,
  ChangeAuthor,
  CheckedRegistration,
  DuplicateCandidate,
  DuplicateReasonName,
  PatientChanges,
  PatientDetails,
  PatientFilter,
  PatientHit,
  PatientPosition,
  PatientRecord,
  PatientRepository,
} from './patient-repository.ts';
import { COUNT_CAP, searchCountSql, searchPageSql } from './patient-search-sql.ts';
import { duplicateLockSql, possibleDuplicatesSql, type DuplicateProbe } from './possible-duplicates-sql.ts';

function toRecord(patient: Patient): PatientRecord {
  return {
    id: patient.id,
    mrn: patient.mrn,
    givenName: patient.givenName,
    familyName: patient.familyName,
    dateOfBirth: fromUtcMidnight(patient.dateOfBirth),
    sex: patient.sex,
    phone: patient.phone,
    email: patient.email,
    address: patient.address,
    allergies: patient.allergies,
    archivedAt: patient.archivedAt,
    createdAt: patient.createdAt,
    updatedAt: patient.updatedAt,
  };
}

/**
 * Limits of a checked registration's transaction (Prisma's defaults: 2 s to start, 5 s to run):
 * registrations of one date of birth queue on its lock, so a busy front desk gets more time.
 */
const DUPLICATE_CHECK_TRANSACTION = { maxWait: 10_000, timeout: 10_000 };

/** Patients stored by Prisma. */
export class PrismaPatientRepository implements PatientRepository {
  /** @param db - the Prisma client, or a transaction client */
  constructor(private readonly db: DbClient) {}

  async findByIds(ids: readonly string[]): Promise<PatientRecord[]> {
    if (ids.length === 0) return [];
    const patients = await this.db.patient.findMany({ where: { id: { in: [...ids] } } });
    return patients.map(toRecord);
  }

  async search(query: PatientFilter & { after?: PatientPosition; limit: number }): Promise<PatientHit[]> {
    // Raw SQL picks the page from the key indexes; Prisma then loads the rows, so there is one
    // mapping from stored to DTO.
    const page = await this.db.$queryRaw<Array<{ id: string; section: number; first_key: string; second_key: string; mrn: string }>>(
      searchPageSql(query, query.limit, query.after),
    );
    const found = new Map((await this.findByIds(page.map((row) => row.id))).map((patient) => [patient.id, patient]));
    return page.flatMap((row) => {
      const patient = found.get(row.id);
      const position: PatientPosition = { section: row.section === 1 ? 1 : 0, first: row.first_key, second: row.second_key, mrn: row.mrn, id: row.id };
      return patient ? [{ patient, position }] : [];
    });
  }

  async count(filter: PatientFilter): Promise<CappedCount> {
    const rows = await this.db.$queryRaw<{ total: bigint }[]>(searchCountSql(filter));
    const total = Number(rows[0]?.total ?? 0);
    return total > COUNT_CAP ? { count: COUNT_CAP, capped: true } : { count: total, capped: false };
  }

  async countExact(filter: PatientFilter): Promise<number> {
    const rows = await this.db.$queryRaw<{ total: bigint }[]>(searchCountSql(filter, 'exact'));
    return Number(rows[0]?.total ?? 0);
  }

  async register(details: PatientDetails, author: ChangeAuthor): Promise<PatientRecord> {
    return this.inTransaction(async (tx) => {
      const patient = await tx.patient.create({ data: { ...details, dateOfBirth: toUtcMidnight(details.dateOfBirth) } });
      if (details.allergies.length > 0) await recordAllergyChange(tx, patient.id, author, [], details.allergies);
      return toRecord(patient);
    });
  }

  async registerUnlessDuplicate(details: PatientDetails, author: ChangeAuthor): Promise<CheckedRegistration> {
    return this.inTransaction(async (tx) => {
      for (const lock of duplicateLockSql(details)) await tx.$queryRaw(lock);
      const repository = new PrismaPatientRepository(tx);
      const candidates = await repository.findPossibleDuplicates(details);
      if (candidates.length > 0) return { candidates };
      return { registered: await repository.register(details, author) };
    }, DUPLICATE_CHECK_TRANSACTION);
  }

  async findPossibleDuplicates(probe: DuplicateProbe): Promise<DuplicateCandidate[]> {
    const rows = await this.db.$queryRaw<Array<{ id: string; same_name: boolean; same_phone: boolean }>>(possibleDuplicatesSql(probe));
    const found = new Map((await this.findByIds(rows.map((row) => row.id))).map((patient) => [patient.id, patient]));
    return rows.flatMap((row) => {
      const patient = found.get(row.id);
      const reasons: DuplicateReasonName[] = [...(row.same_name ? ['NAME_AND_DATE_OF_BIRTH' as const] : []), ...(row.same_phone ? ['PHONE' as const] : [])];
      return patient ? [{ patient, reasons }] : [];
    });
  }

  async update(id: string, changes: PatientChanges, author: ChangeAuthor): Promise<PatientRecord | undefined> {
    const { dateOfBirth, ...rest } = changes;
    // eslint-disable-next-line house/conditional-spread -- Object.keys(data) below counts the changes: an unchanged birth date must add no key
    const data = { ...rest, ...(dateOfBirth !== undefined ? { dateOfBirth: toUtcMidnight(dateOfBirth) } : {}) };
    // Nothing to change: leave updated_at alone.
    if (Object.keys(data).length === 0) return (await this.findByIds([id]))[0];
    return this.inTransaction(async (tx) => {
      // The row lock orders concurrent allergy changes, so each history row's "before" is exact.
      const locked = await tx.$queryRaw<{ allergies: string[] }[]>`SELECT allergies FROM patients.patients WHERE id = ${id}::uuid FOR UPDATE`;
      const before = locked[0]?.allergies;
      if (before === undefined) return undefined;
      await tx.patient.update({ where: { id }, data });
      if (changes.allergies !== undefined && !sameList(before, changes.allergies)) await recordAllergyChange(tx, id, author, before, changes.allergies);
      return (await new PrismaPatientRepository(tx).findByIds([id]))[0];
    });
  }

  async allergyHistoryPage(patientId: string, page: { first: number; after?: string }): Promise<{ changes: AllergyChangeRecord[]; hasMore: boolean } | undefined> {
    if (page.after && !(await this.db.allergyChange.findFirst({ where: { id: page.after, patientId }, select: { id: true } }))) return undefined;
    // Keyset paging on (changed_at, id), newest first; one row more tells whether older ones follow.
    const rows = await this.db.allergyChange.findMany({
      where: { patientId },
      orderBy: [{ changedAt: 'desc' }, { id: 'desc' }],
      take: page.first + 1,
      cursor: page.after ? { id: page.after } : undefined,
      skip: page.after ? 1 : undefined,
      select: { id: true, patientId: true, changedBy: true, changedByRole: true, changedAt: true, before: true, after: true },
    });
    return { changes: rows.slice(0, page.first), hasMore: rows.length > page.first };
  }

  /** Runs `work` in a transaction, or in the caller's when this repository was given one. */
  private inTransaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>, options?: { maxWait: number; timeout: number }): Promise<T> {
    return '$transaction' in this.db ? this.db.$transaction(work, options) : work(this.db);
  }

  async archive(id: string): Promise<PatientRecord | undefined> {
    // Only the first archive sets the time; archiving again changes nothing.
    await this.db.patient.updateMany({ where: { id, archivedAt: null }, data: { archivedAt: new Date() } });
    return (await this.findByIds([id]))[0];
  }
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/** Writes one allergy history row (inside the change's transaction). */
async function recordAllergyChange(tx: Prisma.TransactionClient, patientId: string, author: ChangeAuthor, before: string[], after: string[]): Promise<void> {
  await tx.allergyChange.create({ data: { patientId, changedBy: author.by, changedByRole: author.role, before, after } });
}
