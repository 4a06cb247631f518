/**
 * Seed builders for the pharmacy end-to-end tests, all through the router with real tokens:
 * drugs and stock as a pharmacist, patients and prescriptions as a doctor. Codes and names are
 * unique, so tests sharing the run's database never see each other's rows.
 */
import { randomUUID } from 'node:crypto';
import type { TestSystem } from '@hospital/test-support/system';
import { dataOf } from './ward-fixtures.ts';

/** A short unique suffix: upper-case letters and digits. */
export const uniqueSuffix = () => randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase();

/**
 * A calendar day some days from today (UTC), as expiry dates are written.
 * @param days - offset in days
 */
export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** One lot to receive. */
export interface LotSpec {
  lotNumber: string;
  quantity: number;
  expiresOn: string;
}

/** Builders bound to a running system. */
export function pharmacyFixtures(system: () => TestSystem) {
  return {
    /**
     * A drug with unique code, stocked with the given lots, created as a pharmacist.
     * @param lots - lots to receive (none by default)
     * @param name - the drug's name
     */
    async drug(lots: LotSpec[] = [], name = `E2edrug${uniqueSuffix()}`): Promise<{ id: string; code: string; lotIds: string[] }> {
      const pharmacist = await system().tokenFor('pharmacist');
      const { createDrug } = dataOf(
        await system().gql<{ createDrug: { id: string; code: string } }>(
          'mutation($i: CreateDrugInput!) { createDrug(input: $i) { id code } }',
          { i: { code: `E2E${uniqueSuffix()}`, name, form: 'TABLET', strength: '500 mg' } },
          pharmacist,
        ),
      );
      const lotIds: string[] = [];
      for (const lot of lots) {
        const received = await system().gql<{ receiveStock: { id: string } }>(
          'mutation($i: ReceiveStockInput!) { receiveStock(input: $i) { id } }',
          { i: { drugId: createDrug.id, ...lot } },
          pharmacist,
        );
        lotIds.push(dataOf(received).receiveStock.id);
      }
      return { ...createDrug, lotIds };
    },
    /**
     * A registered patient's id, registered as a doctor.
     * @param allergies - recorded allergies
     */
    async patient(allergies: string[] = []): Promise<string> {
      const result = await system().gql<{ registerPatient: { id: string } }>(
        'mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { id } }',
        { i: { givenName: 'Penny', familyName: `Pharmtest${uniqueSuffix().replace(/\d/g, 'x')}`, dateOfBirth: '1959-09-09', sex: 'FEMALE', allergies } },
        await system().tokenFor('doctor'),
      );
      return dataOf(result).registerPatient.id;
    },
    /**
     * Prescribes as the doctor and returns the raw response.
     * @param patientId - the patient
     * @param drugId - the drug
     * @param quantity - units
     * @param allergyOverrideReason - optional override
     */
    async prescribeRaw(patientId: string, drugId: string, quantity: number, allergyOverrideReason?: string) {
      return system().gql<{ prescribe: { id: string; status: string } }>(
        'mutation($i: PrescribeInput!) { prescribe(input: $i) { id status } }',
        { i: { patientId, drugId, quantity, dose: '1 tablet', frequency: 'four times a day', durationDays: 3, allergyOverrideReason } },
        await system().tokenFor('doctor'),
      );
    },
    /**
     * Prescribes as the doctor; the test fails if it does not succeed.
     * @param patientId - the patient
     * @param drugId - the drug
     * @param quantity - units
     */
    async prescription(patientId: string, drugId: string, quantity: number): Promise<string> {
      return dataOf(await this.prescribeRaw(patientId, drugId, quantity)).prescribe.id;
    },
  };
}
