/**
 * Field rules shared by the ward requests. Free text is trimmed and refused when it carries
 * control characters (they break printed bed boards and exports); summaries may span lines.
 */
import { z } from 'zod';

const NO_CONTROL_CHARS = /^[^\p{Cc}]*$/u;
/** Multi-line text: tabs and newlines are the only control characters it may hold. */
const MULTILINE_CHARS = /^(?:[^\p{Cc}]|[\n\r\t])*$/u;

/**
 * Required single-line text.
 * @param label - how the message names the field
 * @param max - most characters
 */
export const lineSchema = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`)
    .regex(NO_CONTROL_CHARS, `${label} must not contain control characters.`);

/**
 * Required text that may span lines.
 * @param label - how the message names the field
 * @param max - most characters
 */
export const paragraphSchema = (label: string, max: number) =>
  z.string().trim().min(1, `${label} is required.`).max(max, `${label} must be at most ${max} characters.`).regex(MULTILINE_CHARS, `${label} must not contain control characters.`);

/** A ward code: letters, digits and dashes, stored upper case (the database checks the same). */
export const wardCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{0,19}$/, 'Code must be 1–20 letters, digits or dashes, starting with a letter or digit.');

/** A bed label: short, as printed above the bed (B-12, 4A, Bay 2/3). */
export const bedLabelSchema = lineSchema('Label', 20).regex(/^[\p{L}\p{N}][\p{L}\p{N} .\-/]*$/u, 'Label may hold letters, digits, spaces and . - / only.');

/** An optional specialty: empty means none and is stored as null. */
export const specialtySchema = z
  .string()
  .trim()
  .max(100, 'Specialty must be at most 100 characters.')
  .regex(NO_CONTROL_CHARS, 'Specialty must not contain control characters.')
  .transform((value) => (value === '' ? null : value));
