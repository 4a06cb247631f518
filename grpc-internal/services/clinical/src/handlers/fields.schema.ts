/** Field rules shared by the clinical requests. */
import { z } from 'zod';
import { NO_CONTROL_CHARACTERS } from '@hospital/service-kit';

/** Longest note text. */
export const MAX_NOTE_LENGTH = 20_000;

/** A note's text: not blank, at most 20 000 characters; line breaks and tabs allowed, other control characters not. */
export const noteTextSchema = z
  .string()
  .refine((text) => text.trim().length > 0, 'must not be blank.')
  .max(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH} characters.`)
  .refine((text) => NO_CONTROL_CHARACTERS.test(text.replace(/[\n\r\t]/g, '')), 'must not contain control characters.');
