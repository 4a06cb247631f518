/**
 * The clinical repository against the run's real PostgreSQL database: the database itself keeps a
 * signed note immutable and undeletable (trigger), whoever writes with the services' role, and
 * decides racing signs, closes and resolutions (exactly one wins).
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSharedDatabase } from '../../../../../test/shared-database.ts';
import { PrismaEncounterRepository, PrismaProblemRepository } from './prisma-clinical-repository.ts';

const shared = useSharedDatabase({ poolSize: 4 });
let encounters: PrismaEncounterRepository;
let problems: PrismaProblemRepository;
beforeAll(() => {
  encounters = new PrismaEncounterRepository(shared.db);
  problems = new PrismaProblemRepository(shared.db);
});

const visit = () => encounters.openOnce({ patientId: randomUUID(), kind: 'OUTPATIENT', appointmentId: randomUUID(), admissionId: null, openedBy: randomUUID() });

describe('clinical notes in the database', () => {
  it('refuses any change to, or deletion of, a signed note, even written directly with the services role', async () => {
    const encounter = await visit();
    const note = await encounters.addNote({ encounterId: encounter.id, patientId: encounter.patientId, authorId: randomUUID(), text: 'Original.', amendsNoteId: null });
    expect(await encounters.sign(note.id)).toMatchObject({ id: note.id });
    await expect(shared.db.clinicalNote.update({ where: { id: note.id }, data: { text: 'Tampered.' } })).rejects.toThrow();
    await expect(shared.db.clinicalNote.delete({ where: { id: note.id } })).rejects.toThrow();
    expect((await encounters.findNote(note.id))?.text).toBe('Original.');
    expect(await encounters.reviseDraft(note.id, 'Tampered.')).toBe('signed');
  });

  it('lets exactly one of many concurrent signs win', async () => {
    const encounter = await visit();
    const note = await encounters.addNote({ encounterId: encounter.id, patientId: encounter.patientId, authorId: randomUUID(), text: 'Race.', amendsNoteId: null });
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => encounters.sign(note.id)));
    expect(outcomes.filter((o) => o !== 'signed')).toHaveLength(1);
  });

  it('opens one encounter per appointment however many open it at once, and closes it once', async () => {
    const appointmentId = randomUUID();
    const patientId = randomUUID();
    const opened = await Promise.all(
      Array.from({ length: 6 }, () => encounters.openOnce({ patientId, kind: 'OUTPATIENT', appointmentId, admissionId: null, openedBy: randomUUID() })),
    );
    expect(new Set(opened.map((e) => e.id)).size).toBe(1);
    const closes = await Promise.all(Array.from({ length: 4 }, () => encounters.close(opened[0]!.id, randomUUID())));
    expect(closes.filter((c) => c !== 'already-closed')).toHaveLength(1);
  });

  it('resolves a problem once, and never before its onset (CHECK)', async () => {
    const encounter = await visit();
    const problem = await problems.add({ patientId: encounter.patientId, encounterId: encounter.id, icd10Code: 'I10', onsetOn: '2026-03-01', recordedBy: randomUUID() });
    await expect(shared.db.problem.update({ where: { id: problem.id }, data: { resolvedOn: new Date('2026-02-01T00:00:00Z') } })).rejects.toThrow();
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => problems.resolve(problem.id, '2026-03-05')));
    expect(outcomes.filter((o) => o !== 'resolved')).toHaveLength(1);
    expect((await problems.find(problem.id))?.resolvedOn).toBe('2026-03-05');
  });
});
