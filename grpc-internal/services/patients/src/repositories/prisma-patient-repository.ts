/** PatientRepository on Prisma (schema `patients`, table `patients`). */
import type { DbClient, Patient } from '@hospital/db';
import { fromUtcMidnight, toUtcMidnight } from '../domain/calendar-date.ts';
import type { PatientChanges, PatientDetails, PatientFilter, PatientPosition, PatientRecord, PatientRepository } from './patient-repository.ts';
import { SEARCH_ORDER, whereClause } from './patient-search-sql.ts';

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

/** Patients stored by Prisma. */
export class PrismaPatientRepository implements PatientRepository {
  /** @param db - the Prisma client, or a transaction client */
  constructor(private readonly db: DbClient) {}

  async findByIds(ids: readonly string[]): Promise<PatientRecord[]> {
    if (ids.length === 0) return [];
    const patients = await this.db.patient.findMany({ where: { id: { in: [...ids] } } });
    return patients.map(toRecord);
  }

  async search(query: PatientFilter & { after?: PatientPosition; limit: number }): Promise<PatientRecord[]> {
    // Raw SQL picks the page (Prisma cannot express lower(col) LIKE or row comparison); Prisma
    // then loads the rows, so there is one mapping from stored to DTO.
    const page = await this.db.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM patients.patients
       WHERE ${whereClause(query, query.after)}
       ORDER BY ${SEARCH_ORDER}
       LIMIT ${query.limit}`;
    const found = new Map((await this.findByIds(page.map((row) => row.id))).map((patient) => [patient.id, patient]));
    return page.flatMap((row) => found.get(row.id) ?? []);
  }

  async count(filter: PatientFilter): Promise<number> {
    const rows = await this.db.$queryRaw<{ total: bigint }[]>`
      SELECT count(*) AS total FROM patients.patients WHERE ${whereClause(filter)}`;
    return Number(rows[0]?.total ?? 0);
  }

  async register(details: PatientDetails): Promise<PatientRecord> {
    const patient = await this.db.patient.create({ data: { ...details, dateOfBirth: toUtcMidnight(details.dateOfBirth) } });
    return toRecord(patient);
  }

  async update(id: string, changes: PatientChanges): Promise<PatientRecord | undefined> {
    const { dateOfBirth, ...rest } = changes;
    const data = { ...rest, ...(dateOfBirth !== undefined ? { dateOfBirth: toUtcMidnight(dateOfBirth) } : {}) };
    // Nothing to change: leave updated_at alone.
    if (Object.keys(data).length === 0) return (await this.findByIds([id]))[0];
    const { count } = await this.db.patient.updateMany({ where: { id }, data });
    return count === 0 ? undefined : (await this.findByIds([id]))[0];
  }

  async archive(id: string): Promise<PatientRecord | undefined> {
    // Only the first archive sets the time; archiving again changes nothing.
    await this.db.patient.updateMany({ where: { id, archivedAt: null }, data: { archivedAt: new Date() } });
    return (await this.findByIds([id]))[0];
  }
}
