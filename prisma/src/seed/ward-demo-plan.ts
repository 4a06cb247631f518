/**
 * The demo wards as a plan, without touching the database: four wards of 8–16 beds, about 60% of
 * each occupied by patients admitted over the last days (children on Paediatrics), one transfer,
 * a bed out of service, and a few earlier stays already discharged. Each patient appears once.
 */
import { createPrng, type Prng } from './prng.ts';

/** A ward to create. */
export interface DemoWard {
  name: string;
  code: string;
  specialty: string;
  /** Bed labels, in order. */
  beds: string[];
  /** Labels of beds out of service. */
  outOfService: string[];
  /** Whether the ward takes children (under 18) rather than adults. */
  children: boolean;
  /** Reasons for admission typical of the ward. */
  reasons: readonly string[];
}

/** A stay to create. */
export interface DemoStay {
  wardCode: string;
  bedLabel: string;
  patientId: string;
  reason: string;
  admittedAt: Date;
  /** Set for stays that have ended. */
  discharge?: { at: Date; summary: string };
  /** Set for a stay that started in another bed of the same ward. */
  transferredFrom?: { bedLabel: string; at: Date };
}

/** A candidate patient: id and date of birth. */
export interface DemoPatient {
  id: string;
  dateOfBirth: Date;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const labels = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(2, '0')}`);

/** The four demo wards. */
export const DEMO_WARDS: readonly DemoWard[] = [
  {
    name: 'General Medicine',
    code: 'GEN-MED',
    specialty: 'Internal medicine',
    beds: labels('GM', 16),
    outOfService: [],
    children: false,
    reasons: ['Community-acquired pneumonia', 'Urinary tract infection with delirium', 'Exacerbation of COPD', 'Cellulitis of the leg', 'Acute kidney injury'],
  },
  {
    name: 'Surgery',
    code: 'SURG',
    specialty: 'General surgery',
    beds: labels('SU', 12),
    outOfService: ['SU-12'],
    children: false,
    reasons: ['Acute appendicitis', 'Small bowel obstruction', 'Elective hernia repair', 'Cholecystitis', 'Post-operative observation'],
  },
  {
    name: 'Paediatrics',
    code: 'PAED',
    specialty: 'Paediatrics',
    beds: labels('PA', 8),
    outOfService: [],
    children: true,
    reasons: ['Bronchiolitis', 'Dehydration with gastroenteritis', 'Asthma attack', 'Febrile seizure observation'],
  },
  {
    name: 'Cardiology',
    code: 'CARD',
    specialty: 'Cardiology',
    beds: labels('CA', 10),
    outOfService: [],
    children: false,
    reasons: ['Chest pain, rule out ACS', 'New atrial fibrillation', 'Decompensated heart failure', 'Syncope for monitoring'],
  },
];

const SUMMARIES = [
  'Recovered; discharged home with GP follow-up in one week.',
  'Symptoms resolved; oral treatment to complete at home.',
  'Stable; outpatient clinic review arranged.',
];

function isChild(patient: DemoPatient, today: Date): boolean {
  return today.getTime() - patient.dateOfBirth.getTime() < 18 * 365.25 * DAY_MS;
}

/** Fisher–Yates with the seeded generator, so the plan is the same on every run. */
function shuffled<T>(items: readonly T[], prng: Prng): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = prng.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/**
 * Plans the demo stays for the given patients (fewer patients, fewer stays).
 * @param patients - candidates, in MRN order
 * @param today - the reference instant: every admission lies in the days before it
 * @param seed - PRNG seed
 */
export function planWardStays(patients: readonly DemoPatient[], today: Date, seed = 2026): DemoStay[] {
  const prng = createPrng(seed);
  const pools = { children: patients.filter((p) => isChild(p, today)), adults: patients.filter((p) => !isChild(p, today)) };
  const stays: DemoStay[] = [];
  for (const ward of DEMO_WARDS) {
    const pool = ward.children ? pools.children : pools.adults;
    const free = ward.beds.filter((label) => !ward.outOfService.includes(label));
    const occupied = shuffled(free, prng).slice(0, Math.round(ward.beds.length * 0.6));
    for (const bedLabel of occupied) {
      const patient = pool.shift();
      if (!patient) break;
      // Within the last week, at least an hour ago.
      const admittedAt = new Date(today.getTime() - prng.int(1, 7 * 24) * HOUR_MS);
      stays.push({ wardCode: ward.code, bedLabel, patientId: patient.id, reason: prng.pick(ward.reasons), admittedAt });
    }
    // An earlier stay already over, so admission history has something to show.
    const earlier = pool.shift();
    if (earlier) {
      const admittedAt = new Date(today.getTime() - prng.int(10, 14) * DAY_MS);
      const at = new Date(admittedAt.getTime() + prng.int(2, 6) * DAY_MS);
      stays.push({
        wardCode: ward.code,
        bedLabel: prng.pick(free),
        patientId: earlier.id,
        reason: prng.pick(ward.reasons),
        admittedAt,
        discharge: { at, summary: prng.pick(SUMMARIES) },
      });
    }
  }
  // One current stay moved beds halfway through, from a bed that is free now.
  const moved = stays.find((s) => s.wardCode === 'CARD' && !s.discharge);
  const busy = new Set(stays.filter((s) => s.wardCode === 'CARD' && !s.discharge).map((s) => s.bedLabel));
  const from = DEMO_WARDS.find((w) => w.code === 'CARD')!.beds.find((label) => !busy.has(label));
  if (moved && from) moved.transferredFrom = { bedLabel: from, at: new Date((moved.admittedAt.getTime() + today.getTime()) / 2) };
  return stays;
}
