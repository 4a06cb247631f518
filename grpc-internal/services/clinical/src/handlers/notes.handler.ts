/**
 * WriteNote, ReviseNote, SignNote and GetEncounterNotes. A note is a draft its author may revise
 * until they sign it; a signed note never changes (the database refuses it too), and corrections
 * are addenda: new notes that name the signed note they amend. Only the author revises or signs.
 */
import type {
  GetEncounterNotesRequest__Output,
  GetEncounterNotesResponse,
  Note,
  ReviseNoteRequest__Output,
  SignNoteRequest__Output,
  WriteNoteRequest__Output,
} from '@hospital/grpc-contracts';
import { conflict, denyObjectAccess, distinctIds, invalidInput, notFound, parseRequest, requireActingUser } from '@hospital/service-kit';
import type { CallScope } from '@hospital/service-kit/grpc';
import type { ClinicalDeps } from '../clinical-deps.ts';
import type { NoteRecord } from '../repositories/records.ts';
import { assertMayTouchRecord, readableRecords } from '../domain/record-access.ts';
import { encounterOrNotFound } from './encounters.handler.ts';
import { getEncounterNotesSchema, reviseNoteSchema, signNoteSchema, writeNoteSchema } from './notes.schema.ts';
import { toProtoNote } from './to-proto.ts';

const WHO = 'Only a signed-in clinician may write notes.';

/**
 * Writes a draft note in an open encounter, or an addendum to a signed note of it.
 * @param request - encounter, text, the amended note
 * @param deps - storage
 * @param scope - the caller (the author)
 */
export async function writeNoteHandler(request: WriteNoteRequest__Output, deps: ClinicalDeps, scope: CallScope): Promise<Note> {
  const { encounterId, text, amendsNoteId } = parseRequest(writeNoteSchema, request);
  const authorId = requireActingUser(scope.caller, WHO);
  const encounter = await encounterOrNotFound(encounterId, deps);
  await assertMayTouchRecord(encounter.patientId, deps.carers, scope, 'note', [encounter.openedBy]);
  if (amendsNoteId) {
    const amended = await deps.encounters.findNote(amendsNoteId);
    if (amended?.encounterId !== encounterId) throw invalidInput('amendsNoteId must be a note of this encounter.', 'amendsNoteId');
    if (!amended.signedAt) throw conflict('Only a signed note takes an addendum: revise the draft instead.');
  } else if (encounter.closedAt) {
    throw conflict('The encounter is closed: add an addendum to one of its signed notes instead.');
  }
  const note = await deps.encounters.addNote({ encounterId, patientId: encounter.patientId, authorId, text, amendsNoteId });
  scope.logger.info({ noteId: note.id, encounterId, addendum: amendsNoteId !== null }, 'note written');
  return toProtoNote(note);
}

/** The caller's own note; another author's note is answered like an unknown id for changes. */
async function ownNote(noteId: string, deps: ClinicalDeps, scope: CallScope): Promise<NoteRecord> {
  const authorId = requireActingUser(scope.caller, WHO);
  const note = await deps.encounters.findNote(noteId);
  if (!note) throw notFound('No note with this id.');
  if (note.authorId !== authorId) throw denyObjectAccess(scope, { kind: 'note', id: noteId, patientId: note.patientId }, "another author's note");
  return note;
}

/**
 * Replaces the text of the caller's own draft.
 * @param request - note and text
 * @param deps - storage
 * @param scope - the caller
 */
export async function reviseNoteHandler(request: ReviseNoteRequest__Output, deps: ClinicalDeps, scope: CallScope): Promise<Note> {
  const { noteId, text } = parseRequest(reviseNoteSchema, request);
  const note = await ownNote(noteId, deps, scope);
  const revised = note.signedAt ? 'signed' : await deps.encounters.reviseDraft(noteId, text);
  if (revised === 'signed') throw conflict('A signed note cannot change: write an addendum instead.');
  return toProtoNote(revised);
}

/**
 * Signs the caller's own draft; of two concurrent signs exactly one succeeds.
 * @param request - the note
 * @param deps - storage
 * @param scope - the caller
 */
export async function signNoteHandler(request: SignNoteRequest__Output, deps: ClinicalDeps, scope: CallScope): Promise<Note> {
  const { noteId } = parseRequest(signNoteSchema, request);
  const note = await ownNote(noteId, deps, scope);
  const signed = note.signedAt ? 'signed' : await deps.encounters.sign(noteId);
  if (signed === 'signed') throw conflict('The note is already signed.');
  scope.logger.info({ noteId }, 'note signed');
  return toProtoNote(signed);
}

/**
 * The notes of several encounters, oldest first: of patients in the caller's care, of encounters
 * they opened, or written by them (the rest withheld or FORBIDDEN: domain/record-access.ts).
 * @param request - the encounters
 * @param deps - storage and the care relationships
 * @param scope - the caller
 */
export async function getEncounterNotesHandler(request: GetEncounterNotesRequest__Output, deps: ClinicalDeps, scope: CallScope): Promise<GetEncounterNotesResponse> {
  const { encounterIds } = parseRequest(getEncounterNotesSchema, request);
  const keys = distinctIds(encounterIds);
  const notes = await deps.encounters.notesOf(keys);
  const openers = new Map((await deps.encounters.findByIds(distinctIds(notes.map((n) => n.encounterId)))).map((e) => [e.id.toLowerCase(), e.openedBy]));
  const shape = {
    keyOf: (n: NoteRecord) => n.encounterId,
    patientOf: (n: NoteRecord) => n.patientId,
    authorsOf: (n: NoteRecord) => [n.authorId, openers.get(n.encounterId.toLowerCase()) ?? ''],
  };
  return { notes: (await readableRecords(keys, notes, shape, deps.carers, scope, 'note')).map(toProtoNote) };
}
