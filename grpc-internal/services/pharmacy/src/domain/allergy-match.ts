/**
 * Does a patient's recorded allergy concern a drug? Matching is on words, not raw substrings,
 * so "nuts" never flags "Nutrizym": an allergy matches a drug when all its meaningful words
 * appear in the drug's name (a long allergy word may sit inside a compound name, so
 * "penicillin" flags "Benzylpenicillin"), when it is the drug's code, or when both belong to one
 * class of {@link DRUG_CLASSES} ("penicillin" flags "Amoxicillin").
 */
import { DRUG_CLASSES, type DrugClass } from './drug-classes.ts';

/** What the check knows about a drug. */
export interface DrugIdentity {
  /** Name, e.g. "Amoxicillin". */
  name: string;
  /** Code, e.g. "J01CA04". */
  code: string;
}

/** One recorded allergy that concerns the drug, and why. */
export interface AllergyMatch {
  /** The allergy as recorded. */
  allergy: string;
  /** How it matched. */
  via: 'name' | 'code' | 'class';
  /** The class, when matched through one. */
  drugClass?: string;
}

/** Words that say nothing about the substance. */
const STOPWORDS = new Set([
  'allergy',
  'allergic',
  'allergie',
  'to',
  'intolerance',
  'intolerant',
  'sensitivity',
  'hypersensitivity',
  'reaction',
  'severe',
  'mild',
  'drug',
  'and',
  'or',
  'of',
  'the',
  'with',
  'tablet',
  'capsule',
  'oral',
  'injection',
  'cream',
  'mg',
]);
/** Allergy words at least this long may sit inside a compound drug name. */
const MIN_EMBEDDED_LENGTH = 6;

/**
 * Lower-case ASCII words, plurals folded ("Penicillins" → "penicillin"); hyphenated prefixes
 * are also kept joined, so "co-trimoxazole" yields "co", "trimoxazole" and "cotrimoxazole".
 * @param text - free text
 */
export function words(text: string): string[] {
  const plain = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const joined = plain.match(/[a-z0-9]+(?:-[a-z0-9]+)+/g)?.map((w) => w.replace(/-/g, '')) ?? [];
  return [...(plain.match(/[a-z0-9]+/g) ?? []), ...joined].map(singular);
}

function singular(word: string): string {
  return word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

function meaningful(allergy: string): string[] {
  return words(allergy).filter((w) => w.length >= 3 && !/^\d+$/.test(w) && !STOPWORDS.has(w));
}

function compact(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function classesOfDrug(drug: DrugIdentity, nameWords: ReadonlySet<string>): DrugClass[] {
  const code = drug.code.toUpperCase();
  return DRUG_CLASSES.filter((c) => c.members.some((m) => nameWords.has(m)) || c.atcPrefixes.some((p) => code.startsWith(p)));
}

function nameMatches(allergyWords: readonly string[], nameWords: readonly string[]): boolean {
  if (allergyWords.length === 0) return false;
  return allergyWords.every((a) => nameWords.some((n) => n === a || (a.length >= MIN_EMBEDDED_LENGTH && n.includes(a))));
}

/**
 * The recorded allergies that concern a drug, in the order recorded.
 * @param allergies - the patient's allergies as recorded
 * @param drug - the drug to prescribe
 */
export function findAllergyMatches(allergies: readonly string[], drug: DrugIdentity): AllergyMatch[] {
  const nameWords = words(drug.name);
  const drugClasses = classesOfDrug(drug, new Set(nameWords));
  const matches: AllergyMatch[] = [];
  for (const allergy of allergies) {
    const allergyWords = meaningful(allergy);
    if (compact(allergy) !== '' && compact(allergy) === compact(drug.code)) {
      matches.push({ allergy, via: 'code' });
    } else if (nameMatches(allergyWords, nameWords)) {
      matches.push({ allergy, via: 'name' });
    } else {
      const shared = drugClasses.find((c) => allergyWords.some((w) => c.names.includes(w) || c.members.includes(w)));
      if (shared) matches.push({ allergy, via: 'class', drugClass: shared.label });
    }
  }
  return matches;
}

/**
 * The sentence a doctor sees when a prescription is refused, naming each allergy.
 * @param matches - from {@link findAllergyMatches} (not empty)
 * @param drugName - the drug's name
 */
export function describeAllergyMatches(matches: readonly AllergyMatch[], drugName: string): string {
  const parts = matches.map((m) => (m.via === 'class' ? `${m.allergy} (${drugName} is one of the ${m.drugClass})` : m.allergy));
  return `Allergy alert: the patient is recorded as allergic to ${parts.join(', ')}. To prescribe ${drugName} anyway, give a reason to override the alert.`;
}
