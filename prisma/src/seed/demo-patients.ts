/**
 * Generates demo patients: deterministic for a given seed and day, varied enough to make
 * search, paging and allergy warnings worth demonstrating.
 */
import type { Prisma, Sex } from '../generated/prisma/client.ts';
import { ALLERGIES, FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, NEUTRAL_GIVEN_NAMES, STREETS, TOWNS } from './demo-names.ts';
import { createPrng, type Prng } from './prng.ts';

/** Options for {@link generateDemoPatients}. */
export interface DemoPatientOptions {
  /** PRNG seed (default 2026): the same seed gives the same patients. */
  seed?: number;
  /** The day ages are counted from (default: now). */
  today?: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_AGE_YEARS = 95;

function pickSex(prng: Prng): Sex {
  const roll = prng.next();
  if (roll < 0.49) return 'female';
  if (roll < 0.97) return 'male';
  return roll < 0.985 ? 'other' : 'unknown';
}

function givenNameFor(prng: Prng, sex: Sex): string {
  if (sex === 'female') return prng.pick(FEMALE_GIVEN_NAMES);
  if (sex === 'male') return prng.pick(MALE_GIVEN_NAMES);
  return prng.pick(NEUTRAL_GIVEN_NAMES);
}

/** Lower-case ASCII for an email local part: "Wiśniewska" → "wisniewska", "O'Brien" → "obrien". */
function emailPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** A date of birth at UTC midnight (the column is a DATE), 0 to 95 years before `today`. */
function dateOfBirth(prng: Prng, today: Date): Date {
  // Weight towards adults, as in a hospital register: a quarter children, the rest 18–95.
  const years = prng.chance(0.25) ? prng.int(0, 17) : prng.int(18, MAX_AGE_YEARS - 1);
  const birthday = Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate());
  return new Date(birthday - prng.int(0, 364) * DAY_MS);
}

/**
 * Builds `count` patients for `createMany` (MRNs come from the database sequence).
 * @param count - how many patients
 * @param options - seed and reference day
 */
export function generateDemoPatients(count: number, options: DemoPatientOptions = {}): Prisma.PatientCreateManyInput[] {
  const prng = createPrng(options.seed ?? 2026);
  const today = options.today ?? new Date();
  const patients: Prisma.PatientCreateManyInput[] = [];
  for (let i = 0; i < count; i++) {
    const sex = pickSex(prng);
    const givenName = givenNameFor(prng, sex);
    const familyName = prng.pick(FAMILY_NAMES);
    const born = dateOfBirth(prng, today);
    // 07700 900000–900999 is Ofcom's range reserved for drama: never a real subscriber.
    const phone = prng.chance(0.85) ? `+44 7700 900${String(prng.int(0, 999)).padStart(3, '0')}` : null;
    const email = prng.chance(0.4) ? `${emailPart(givenName)}.${emailPart(familyName)}${prng.int(1, 99)}@example.com` : null;
    const address = prng.chance(0.6) ? `${prng.int(1, 240)} ${prng.pick(STREETS)}, ${prng.pick(TOWNS)}` : null;
    const allergies = new Set<string>();
    if (prng.chance(0.2)) {
      allergies.add(prng.pick(ALLERGIES));
      if (prng.chance(0.3)) allergies.add(prng.pick(ALLERGIES));
    }
    patients.push({ givenName, familyName, dateOfBirth: born, sex, phone, email, address, allergies: [...allergies] });
  }
  return patients;
}
