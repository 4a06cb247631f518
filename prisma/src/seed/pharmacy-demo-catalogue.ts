/**
 * The demo pharmacy: common hospital drugs with their ATC codes, forms and strengths, and the
 * lots on the shelf, written relative to the seeding day so the demo always shows some stock low,
 * some lots expiring within 30 days and one lot already expired. Lot numbers are invented.
 */
import type { DrugForm } from '../generated/prisma/client.ts';

/** One lot on the shelf, relative to the seeding day. */
export interface DemoLot {
  /** Lot number as printed on the pack. */
  lotNumber: string;
  /** Units on hand. */
  quantity: number;
  /** Days from the seeding day to the expiry date (negative: already expired). */
  expiresInDays: number;
  /** Days before the seeding day the lot arrived. */
  receivedDaysAgo: number;
}

/** One catalogue entry with its lots. */
export interface DemoDrug {
  code: string;
  name: string;
  form: DrugForm;
  strength: string;
  lots: DemoLot[];
}

const lot = (lotNumber: string, quantity: number, expiresInDays: number, receivedDaysAgo = 60): DemoLot => ({ lotNumber, quantity, expiresInDays, receivedDaysAgo });

/** The demo catalogue (codes are ATC codes). */
export const DEMO_DRUGS: readonly DemoDrug[] = [
  { code: 'N02BE01', name: 'Paracetamol', form: 'tablet', strength: '500 mg', lots: [lot('PCM-2407A', 1200, 540, 90), lot('PCM-2410C', 800, 700, 20)] },
  { code: 'M01AE01', name: 'Ibuprofen', form: 'tablet', strength: '400 mg', lots: [lot('IBU-2403K', 60, 21, 300), lot('IBU-2409B', 500, 610, 30)] },
  { code: 'M01AE02', name: 'Naproxen', form: 'tablet', strength: '250 mg', lots: [lot('NPX-2402D', 14, 180, 200)] },
  {
    code: 'J01CA04',
    name: 'Amoxicillin',
    form: 'capsule',
    strength: '500 mg',
    lots: [lot('AMX-2311E', 30, -12, 400), lot('AMX-2405F', 210, 25, 180), lot('AMX-2410G', 400, 560, 15)],
  },
  { code: 'J01CR02', name: 'Co-amoxiclav', form: 'tablet', strength: '625 mg', lots: [lot('CAM-2406H', 150, 330, 120)] },
  { code: 'J01CF05', name: 'Flucloxacillin', form: 'capsule', strength: '500 mg', lots: [lot('FLX-2404J', 12, 95, 160)] },
  { code: 'J01FA09', name: 'Clarithromycin', form: 'tablet', strength: '500 mg', lots: [lot('CLA-2405L', 98, 14, 210), lot('CLA-2409M', 140, 480, 40)] },
  { code: 'J01AA02', name: 'Doxycycline', form: 'capsule', strength: '100 mg', lots: [lot('DOX-2407N', 80, 420, 75)] },
  { code: 'J01DB01', name: 'Cefalexin', form: 'capsule', strength: '500 mg', lots: [lot('CFX-2406P', 112, 300, 100)] },
  { code: 'J01EE01', name: 'Co-trimoxazole', form: 'tablet', strength: '480 mg', lots: [lot('CTX-2404Q', 9, 28, 250)] },
  { code: 'A10BA02', name: 'Metformin', form: 'tablet', strength: '500 mg', lots: [lot('MET-2408R', 900, 650, 45)] },
  { code: 'C10AA05', name: 'Atorvastatin', form: 'tablet', strength: '20 mg', lots: [lot('ATV-2405S', 280, 200, 130), lot('ATV-2410T', 560, 720, 10)] },
  { code: 'C08CA01', name: 'Amlodipine', form: 'tablet', strength: '5 mg', lots: [lot('AML-2406U', 336, 390, 90)] },
  { code: 'C09AA05', name: 'Ramipril', form: 'capsule', strength: '5 mg', lots: [lot('RAM-2403V', 56, 9, 280), lot('RAM-2409W', 168, 500, 35)] },
  { code: 'C07AB07', name: 'Bisoprolol', form: 'tablet', strength: '2.5 mg', lots: [lot('BIS-2407X', 18, 260, 70)] },
  { code: 'A02BC01', name: 'Omeprazole', form: 'capsule', strength: '20 mg', lots: [lot('OME-2406Y', 420, 410, 110)] },
  { code: 'R03AC02', name: 'Salbutamol', form: 'inhaler', strength: '100 micrograms/dose', lots: [lot('SAL-2405Z', 40, 240, 140)] },
  { code: 'R03BA01', name: 'Beclometasone', form: 'inhaler', strength: '100 micrograms/dose', lots: [lot('BEC-2408A', 6, 350, 50)] },
  { code: 'N02AA01', name: 'Morphine sulfate', form: 'solution', strength: '10 mg/5 ml', lots: [lot('MOR-2406B', 25, 19, 160), lot('MOR-2410C', 30, 400, 12)] },
  { code: 'R05DA04', name: 'Codeine phosphate', form: 'tablet', strength: '30 mg', lots: [lot('COD-2407D', 100, 300, 80)] },
  { code: 'C03CA01', name: 'Furosemide', form: 'tablet', strength: '40 mg', lots: [lot('FUR-2405E', 250, 270, 150)] },
  { code: 'H03AA01', name: 'Levothyroxine', form: 'tablet', strength: '50 micrograms', lots: [lot('LEV-2408F', 336, 520, 60)] },
  { code: 'H02AB06', name: 'Prednisolone', form: 'tablet', strength: '5 mg', lots: [lot('PRD-2406G', 15, 150, 120)] },
  { code: 'B01AB05', name: 'Enoxaparin', form: 'injection', strength: '40 mg/0.4 ml', lots: [lot('ENX-2407H', 60, 330, 70), lot('ENX-2404J', 20, 27, 220)] },
  { code: 'A10AB05', name: 'Insulin aspart', form: 'injection', strength: '100 units/ml', lots: [lot('INS-2409K', 40, 180, 30)] },
  { code: 'A04AA01', name: 'Ondansetron', form: 'tablet', strength: '4 mg', lots: [lot('OND-2406L', 90, 310, 100)] },
  { code: 'D07AA02', name: 'Hydrocortisone', form: 'cream', strength: '1%', lots: [lot('HYC-2405M', 24, 230, 130)] },
];

/** The pending demo prescriptions: drug code, dose, frequency, days and units. */
export const DEMO_PRESCRIPTIONS = [
  { code: 'J01CA04', dose: '500 mg', frequency: 'three times a day', durationDays: 7, quantity: 21 },
  { code: 'N02BE01', dose: '1 g', frequency: 'every 6 hours when needed', durationDays: 5, quantity: 40 },
  { code: 'C10AA05', dose: '20 mg', frequency: 'once daily at night', durationDays: 28, quantity: 28 },
  { code: 'A02BC01', dose: '20 mg', frequency: 'once daily before breakfast', durationDays: 28, quantity: 28 },
  { code: 'R03AC02', dose: '2 puffs', frequency: 'when needed, up to 4 times a day', durationDays: 30, quantity: 1 },
  { code: 'M01AE01', dose: '400 mg', frequency: 'three times a day with food', durationDays: 5, quantity: 15 },
] as const;
