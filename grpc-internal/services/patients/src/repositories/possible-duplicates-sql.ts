/**
 * SQL of the possible-duplicate rules (migration 20261207002400_patient_possible_duplicates): an
 * active record with the same date of birth and the same name words (patients.name_words: case,
 * accents and order ignored), or the same phone digits (patients.phone_digits). The date of birth
 * and phone digits indexes find the candidates; the name rule is checked on those few rows.
 */
import { Prisma } from '@hospital/db';

/** The details compared. */
export interface DuplicateProbe {
  /** Given name. */
  givenName: string;
  /** Family name. */
  familyName: string;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  /** Phone as typed; null or empty: not compared. */
  phone: string | null;
}

/** Candidates returned at most. */
export const MAX_CANDIDATES = 10;
/** Fewer digits than this are no phone number to compare ("0", "112"). */
const MIN_PHONE_DIGITS = 6;

/** The digits of a phone, or undefined when too few to compare. */
export function comparablePhone(phone: string | null): string | undefined {
  const digits = (phone ?? '').replace(/[^0-9]/g, '');
  return digits.length >= MIN_PHONE_DIGITS ? digits : undefined;
}

/**
 * Candidate ids with the rules they matched (`same_name`, `same_phone`), oldest registration first.
 * @param probe - the registration's details
 */
export function possibleDuplicatesSql(probe: DuplicateProbe): Prisma.Sql {
  const phone = comparablePhone(probe.phone);
  const sameName = Prisma.sql`(date_of_birth = ${probe.dateOfBirth}::date AND patients.name_words(given_name, family_name) = patients.name_words(${probe.givenName}::text, ${probe.familyName}::text))`;
  const samePhone = phone ? Prisma.sql`(phone IS NOT NULL AND patients.phone_digits(phone) = ${phone})` : Prisma.sql`FALSE`;
  return Prisma.sql`SELECT id::text AS id, ${sameName} AS same_name, ${samePhone} AS same_phone
      FROM patients.patients
     WHERE archived_at IS NULL AND (${sameName} OR ${samePhone})
     ORDER BY created_at, id LIMIT ${MAX_CANDIDATES}`;
}

/**
 * Statements taking transaction-level advisory locks on what the rules compare (the date of birth, the phone
 * digits), taken in a fixed order: of two identical registrations racing, the second waits for the
 * first to commit and then finds it as a candidate, instead of both inserting.
 * @param probe - the registration's details
 */
export function duplicateLockSql(probe: DuplicateProbe): Prisma.Sql[] {
  const keys = [`patients.dob:${probe.dateOfBirth}`];
  const phone = comparablePhone(probe.phone);
  if (phone) keys.push(`patients.phone:${phone}`);
  // One statement per lock, in sorted order: two registrations sharing both keys never deadlock.
  return keys.sort().map((key) => Prisma.sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}::text, 0))::text AS locked`);
}
