/** `Encounter` and `ClinicalNote`: proto messages mapped to their GraphQL fields. */
import { orNull, referenceTo } from '@hospital/subgraph-kit';
import type { ClinicalNoteResolvers, EncounterResolvers } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * Encounter resolvers.
 * @param deps - the loader kinds
 */
export function createEncounterResolvers({ loaders }: ResolverDeps): EncounterResolvers {
  return {
    __resolveReference: (reference, ctx) => ctx.loaders.get(loaders.encounters).load(reference.id),
    patient: (encounter) => ({ id: encounter.patientId }),
    kind: (encounter) => (encounter.kind === 'ENCOUNTER_KIND_INPATIENT' ? 'INPATIENT' : 'OUTPATIENT'),
    status: (encounter) => (encounter.status === 'ENCOUNTER_STATUS_CLOSED' ? 'CLOSED' : 'OPEN'),
    appointment: (encounter) => referenceTo(encounter.appointmentId),
    admission: (encounter) => referenceTo(encounter.admissionId),
    openedBy: (encounter) => ({ id: encounter.openedBy }),
    closedAt: (encounter) => orNull(encounter.closedAt),
    closedBy: (encounter) => referenceTo(encounter.closedBy),
    notes: async (encounter, _args, ctx) => (await ctx.loaders.get(loaders.notesOfEncounter).load(encounter.id)) ?? [],
  };
}

/**
 * ClinicalNote resolvers.
 * @param deps - the loader kinds
 */
export function createClinicalNoteResolvers({ loaders }: ResolverDeps): ClinicalNoteResolvers {
  return {
    encounter: async (note, _args, ctx) => {
      const encounter = await ctx.loaders.get(loaders.encounters).load(note.encounterId);
      if (!encounter) throw new Error('clinical service returned no encounter for a stored note');
      return encounter;
    },
    author: (note) => ({ id: note.authorId }),
    signedAt: (note) => orNull(note.signedAt),
    signed: (note) => note.signedAt !== '',
    amends: async (note, _args, ctx) => {
      if (note.amendsNoteId === '') return null;
      const notes = (await ctx.loaders.get(loaders.notesOfEncounter).load(note.encounterId)) ?? [];
      return notes.find((n) => n.id === note.amendsNoteId) ?? null;
    },
  };
}
