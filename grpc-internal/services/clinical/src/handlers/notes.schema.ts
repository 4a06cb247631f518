/** Validation of the note requests. */
import { z } from 'zod';
import { idListSchema, uuidSchema } from '@hospital/service-kit';
import { noteTextSchema } from './fields.schema.ts';

/** WriteNote: an empty amendsNoteId (proto3 unset) means an original note. */
export const writeNoteSchema = z.object({
  encounterId: uuidSchema,
  text: noteTextSchema,
  amendsNoteId: z.union([z.literal(''), uuidSchema]).transform((id) => (id === '' ? null : id)),
});
/** ReviseNote. */
export const reviseNoteSchema = z.object({ noteId: uuidSchema, text: noteTextSchema });
/** SignNote. */
export const signNoteSchema = z.object({ noteId: uuidSchema });
/** GetEncounterNotes. */
export const getEncounterNotesSchema = z.object({ encounterIds: idListSchema });
