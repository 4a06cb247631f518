/** EncounterRepository and VitalsRepository on Prisma (schema `clinical`). */
import type { PrismaClient } from '@hospital/db';
import type { ClinicalEventV1 } from '@hospital/grpc-contracts';
import { databaseErrorOf, SQLSTATE } from '@hospital/service-kit';
import { writeClinicalEvent } from '../outbox/clinical-outbox-writer.ts';
import type { EncounterRepository, ProblemRepository, VitalsRepository } from './clinical-repository.ts';
import type { EncounterRecord, NewVitals, NoteRecord, ProblemRecord, VitalsRecord } from './records.ts';

/** Decimal columns come back as Prisma Decimals: numbers here. */
const num = (value: { toString(): string } | null): number | null => (value === null ? null : Number(value.toString()));

/** Encounters and notes stored by Prisma. */
export class PrismaEncounterRepository implements EncounterRepository {
  /** @param db - the Prisma client */
  constructor(private readonly db: PrismaClient) {}

  async openOnce(encounter: Pick<EncounterRecord, 'patientId' | 'kind' | 'appointmentId' | 'admissionId' | 'openedBy'>): Promise<EncounterRecord> {
    const link = encounter.appointmentId ? { appointmentId: encounter.appointmentId } : { admissionId: encounter.admissionId ?? '' };
    try {
      return await this.db.encounter.create({ data: encounter });
    } catch (error) {
      // The unique appointment/admission index decides a concurrent open: the loser reads the winner's row.
      if (databaseErrorOf(error)?.sqlState !== SQLSTATE.uniqueViolation) throw error;
      return this.db.encounter.findFirstOrThrow({ where: link });
    }
  }

  findByIds(ids: readonly string[]): Promise<EncounterRecord[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.encounter.findMany({ where: { id: { in: [...ids] } } });
  }

  findByPatients(patientIds: readonly string[]): Promise<EncounterRecord[]> {
    if (patientIds.length === 0) return Promise.resolve([]);
    return this.db.encounter.findMany({ where: { patientId: { in: [...patientIds] } }, orderBy: [{ openedAt: 'desc' }, { id: 'asc' }] });
  }

  async close(id: string, closedBy: string): Promise<EncounterRecord | 'already-closed'> {
    // Conditional update: of two concurrent closes exactly one changes the row.
    const { count } = await this.db.encounter.updateMany({ where: { id, closedAt: null }, data: { closedAt: new Date(), closedBy } });
    if (count === 0) return 'already-closed';
    return this.db.encounter.findUniqueOrThrow({ where: { id } });
  }

  addNote(note: Pick<NoteRecord, 'encounterId' | 'patientId' | 'authorId' | 'text' | 'amendsNoteId'>): Promise<NoteRecord> {
    return this.db.clinicalNote.create({ data: note });
  }

  async findNote(id: string): Promise<NoteRecord | undefined> {
    return (await this.db.clinicalNote.findUnique({ where: { id } })) ?? undefined;
  }

  async reviseDraft(id: string, text: string): Promise<NoteRecord | 'signed'> {
    const { count } = await this.db.clinicalNote.updateMany({ where: { id, signedAt: null }, data: { text, revisedAt: new Date() } });
    if (count === 0) return 'signed';
    return this.db.clinicalNote.findUniqueOrThrow({ where: { id } });
  }

  async sign(id: string): Promise<NoteRecord | 'signed'> {
    // Only a draft row matches: the second of two concurrent signs updates nothing.
    const { count } = await this.db.clinicalNote.updateMany({ where: { id, signedAt: null }, data: { signedAt: new Date() } });
    if (count === 0) return 'signed';
    return this.db.clinicalNote.findUniqueOrThrow({ where: { id } });
  }

  notesOf(encounterIds: readonly string[]): Promise<NoteRecord[]> {
    if (encounterIds.length === 0) return Promise.resolve([]);
    return this.db.clinicalNote.findMany({ where: { encounterId: { in: [...encounterIds] } }, orderBy: [{ writtenAt: 'asc' }, { id: 'asc' }] });
  }
}

/** Vital signs stored by Prisma. */
export class PrismaVitalsRepository implements VitalsRepository {
  /** @param db - the Prisma client */
  constructor(private readonly db: PrismaClient) {}

  async record(vitals: NewVitals, eventOf: (stored: VitalsRecord) => ClinicalEventV1): Promise<VitalsRecord> {
    // The set and its event commit together, or neither does.
    return this.db.$transaction(async (tx) => {
      const stored = toRecord(await tx.vitalSigns.create({ data: vitals }));
      await writeClinicalEvent(tx, eventOf(stored));
      return stored;
    });
  }

  async latestOf(patientIds: readonly string[], perPatient: number): Promise<VitalsRecord[]> {
    const rows = await Promise.all(
      [...new Set(patientIds)].map((patientId) => this.db.vitalSigns.findMany({ where: { patientId }, orderBy: [{ recordedAt: 'desc' }, { id: 'desc' }], take: perPatient })),
    );
    return rows.flat().map(toRecord);
  }
}

type VitalsRow = Awaited<ReturnType<PrismaClient['vitalSigns']['create']>>;

function toRecord(row: VitalsRow): VitalsRecord {
  return { ...row, temperatureC: num(row.temperatureC), weightKg: num(row.weightKg), heightCm: num(row.heightCm) };
}

/** A DATE column (midnight UTC) as YYYY-MM-DD, and back. */
const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;
const dateOf = (text: string | null) => (text === null ? null : new Date(`${text}T00:00:00Z`));

type ProblemRow = Awaited<ReturnType<PrismaClient['problem']['create']>>;
const toProblem = (row: ProblemRow): ProblemRecord => ({ ...row, onsetOn: day(row.onsetOn), resolvedOn: day(row.resolvedOn) });

/** Problem lists stored by Prisma. */
export class PrismaProblemRepository implements ProblemRepository {
  /** @param db - the Prisma client */
  constructor(private readonly db: PrismaClient) {}

  async add(problem: Pick<ProblemRecord, 'patientId' | 'encounterId' | 'icd10Code' | 'onsetOn' | 'recordedBy'>): Promise<ProblemRecord> {
    return toProblem(await this.db.problem.create({ data: { ...problem, onsetOn: dateOf(problem.onsetOn) } }));
  }

  async find(id: string): Promise<ProblemRecord | undefined> {
    const row = await this.db.problem.findUnique({ where: { id } });
    return row ? toProblem(row) : undefined;
  }

  async resolve(id: string, resolvedOn: string): Promise<ProblemRecord | 'resolved'> {
    // Conditional update: of two concurrent resolutions exactly one changes the row.
    const { count } = await this.db.problem.updateMany({ where: { id, resolvedOn: null }, data: { resolvedOn: dateOf(resolvedOn) } });
    if (count === 0) return 'resolved';
    return toProblem(await this.db.problem.findUniqueOrThrow({ where: { id } }));
  }

  async ofPatients(patientIds: readonly string[]): Promise<ProblemRecord[]> {
    if (patientIds.length === 0) return [];
    const rows = await this.db.problem.findMany({ where: { patientId: { in: [...patientIds] } }, orderBy: [{ recordedAt: 'desc' }, { id: 'asc' }] });
    // Active first, each group newest first.
    return rows.map(toProblem).sort((a, b) => Number(a.resolvedOn !== null) - Number(b.resolvedOn !== null));
  }
}
