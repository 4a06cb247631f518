/**
 * The FHIR facade's clinical and billing records end to end (issue 17): AllergyIntolerance,
 * MedicationRequest, Encounter with its Location, Invoice and `Patient/{id}/$everything`, each
 * validated against the official R4 StructureDefinitions, with the spec's status value sets.
 */
import type { AllergyIntolerance, Bundle, CapabilityStatement, Encounter, Invoice, Location, MedicationRequest, OperationOutcome } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestSystem } from '@hospital/test-support/system';
import { expectValidFhir, fhirGet } from '../fhir/fhir-client.ts';
import { pharmacyFixtures } from './pharmacy-fixtures.ts';
import { dataOf, wardFixtures, type SeededWard } from './ward-fixtures.ts';
import { systemForFile } from '../support/system-database.ts';

let system: TestSystem;
let tokens: Record<'doctor' | 'admin' | 'finance' | 'pharmacist', string>;
let patientId: string;
let prescriptionId: string;
let admissionId: string;
let invoiceId: string;
let ward: SeededWard;
const pharmacy = pharmacyFixtures(() => system);
const wards = wardFixtures(() => system);

systemForFile((running) => (system = running));
beforeAll(async () => {
  const [doctor, admin, finance, pharmacist] = await Promise.all((['doctor', 'admin', 'finance', 'pharmacist'] as const).map((role) => system.tokenFor(role)));
  tokens = { doctor: doctor!, admin: admin!, finance: finance!, pharmacist: pharmacist! };
  patientId = await pharmacy.patient(['Penicillin', 'Peanuts']);
  const drug = await pharmacy.drug([{ lotNumber: `L${Date.now()}`, quantity: 50, expiresOn: new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10) }]);
  prescriptionId = await pharmacy.prescription(patientId, drug.id, 12);
  ward = await wards.ward(['A1']);
  admissionId = (await wards.admit(patientId, ward.beds[0]!)).id;
  const created = await system.gql<{ createInvoice: { id: string } }>(
    'mutation($i: CreateInvoiceInput!) { createInvoice(input: $i) { id } }',
    { i: { patientId, currency: 'EUR' } },
    tokens.finance,
  );
  invoiceId = dataOf(created).createInvoice.id;
  dataOf(
    await system.gql(
      'mutation($id: ID!, $l: AddInvoiceLineInput!) { addInvoiceLine(invoiceId: $id, input: $l) { id } }',
      { id: invoiceId, l: { code: 'CONS', description: 'Consultation', quantity: 2, unitPrice: { amountMinor: '4550', currency: 'EUR' } } },
      tokens.finance,
    ),
  );
}, 180_000);

describe('AllergyIntolerance', () => {
  it("lists a patient's allergies and reads one by its stable id", async () => {
    const search = await fhirGet<Bundle>(system, `AllergyIntolerance?patient=Patient/${patientId}`, tokens.doctor);
    expect(search.status, JSON.stringify(search.body)).toBe(200);
    expectValidFhir(search.body);
    const found = search.body.entry!.map((entry) => entry.resource as AllergyIntolerance);
    expect(found.map((allergy) => allergy.code?.text).sort()).toEqual(['Peanuts', 'Penicillin']);
    const read = await fhirGet<AllergyIntolerance>(system, `AllergyIntolerance/${found[0]!.id!}`, tokens.doctor);
    expect(read.status).toBe(200);
    expectValidFhir(read.body);
    expect(read.body).toEqual(found[0]);
    expect((await fhirGet(system, 'AllergyIntolerance', tokens.doctor)).status).toBe(400);
    // Finance may see the patient but not their allergies (as in GraphQL).
    expect((await fhirGet(system, `AllergyIntolerance?patient=${patientId}`, tokens.finance)).status).toBe(403);
  });
});

describe('MedicationRequest', () => {
  it('reads and searches prescriptions with the medicationrequest-status value set', async () => {
    const read = await fhirGet<MedicationRequest>(system, `MedicationRequest/${prescriptionId}`, tokens.pharmacist);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expectValidFhir(read.body);
    expect(read.body).toMatchObject({ status: 'active', intent: 'order', subject: { reference: `Patient/${patientId}` }, dispenseRequest: { quantity: { value: 12 } } });
    const search = await fhirGet<Bundle>(system, `MedicationRequest?patient=${patientId}&status=active`, tokens.doctor);
    expectValidFhir(search.body);
    expect(search.body.entry!.map((entry) => entry.resource!.id)).toEqual([prescriptionId]);
    const completed = await fhirGet<Bundle>(system, `MedicationRequest?patient=${patientId}&status=completed`, tokens.doctor);
    expect(completed.body.entry ?? []).toEqual([]);
  });
});

describe('Encounter and Location', () => {
  it('reads an admission as an inpatient encounter on its ward, and the ward as a Location', async () => {
    const read = await fhirGet<Encounter>(system, `Encounter/${admissionId}`, tokens.doctor);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expectValidFhir(read.body);
    expect(read.body).toMatchObject({
      status: 'in-progress',
      class: { code: 'IMP' },
      subject: { reference: `Patient/${patientId}` },
      location: [{ location: { reference: `Location/${ward.id}` } }],
    });
    for (const path of [`Encounter?patient=${patientId}`, `Encounter?location=Location/${ward.id}&status=in-progress`]) {
      const search = await fhirGet<Bundle>(system, path, tokens.doctor);
      expectValidFhir(search.body);
      expect(search.body.entry!.map((entry) => entry.resource!.id)).toEqual([admissionId]);
    }
    const location = await fhirGet<Location>(system, `Location/${ward.id}`, tokens.doctor);
    expect(location.status).toBe(200);
    expectValidFhir(location.body);
    expect(location.body.name).toBe(ward.name);
    const locations = await fhirGet<Bundle>(system, `Location?name=${encodeURIComponent(ward.name)}`, tokens.doctor);
    expectValidFhir(locations.body);
    expect(locations.body.entry!.map((entry) => entry.resource!.id)).toEqual([ward.id]);
  });
});

describe('Invoice', () => {
  it('reads invoices with totals in major units, and searches by patient and status', async () => {
    const read = await fhirGet<Invoice>(system, `Invoice/${invoiceId}`, tokens.finance);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expectValidFhir(read.body);
    expect(read.body).toMatchObject({ status: 'draft', subject: { reference: `Patient/${patientId}` }, totalNet: { value: 91, currency: 'EUR' } });
    const search = await fhirGet<Bundle>(system, `Invoice?patient=${patientId}&status=draft`, tokens.finance);
    expectValidFhir(search.body);
    expect(search.body.entry!.map((entry) => entry.resource!.id)).toEqual([invoiceId]);
    // The refusal speaks FHIR: the type, never the GraphQL fields behind it.
    for (const path of [`Invoice/${invoiceId}`, `Invoice?patient=${patientId}`]) {
      const refused = await fhirGet<OperationOutcome>(system, path, tokens.doctor);
      expect(refused.status).toBe(403);
      expect(refused.body.issue[0]).toMatchObject({ code: 'forbidden', diagnostics: 'Your role may not read Invoice.' });
    }
  });
});

describe('Patient/{id}/$everything', () => {
  it('gathers what the caller may read: everything for an admin, no invoices for a doctor', async () => {
    const all = await fhirGet<Bundle>(system, `Patient/${patientId}/$everything`, tokens.admin);
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expectValidFhir(all.body);
    const kinds = (bundle: Bundle) => [...new Set(bundle.entry!.map((entry) => entry.resource!.resourceType))].sort();
    expect(kinds(all.body)).toEqual(['AllergyIntolerance', 'Encounter', 'Invoice', 'MedicationRequest', 'Patient']);
    const doctors = await fhirGet<Bundle>(system, `Patient/${patientId}/$everything`, tokens.doctor);
    expectValidFhir(doctors.body);
    expect(kinds(doctors.body)).not.toContain('Invoice');
    expect(kinds(doctors.body)).toContain('Patient');
  });

  it('is listed in the CapabilityStatement with every resource type', async () => {
    const statement = (await fhirGet<CapabilityStatement>(system, 'metadata')).body;
    const resources = statement.rest![0]!.resource!;
    expect(resources.map((r) => r.type)).toEqual(['Patient', 'Practitioner', 'Appointment', 'AllergyIntolerance', 'MedicationRequest', 'Encounter', 'Location', 'Invoice']);
    expect(resources[0]!.operation).toEqual([
      { name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' },
      { name: 'export', definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export' },
    ]);
  });
});

describe('a department that cannot answer', () => {
  // Last in the file: the ward subgraph stays stopped (its starter cannot restart on the same port).
  it('is a 503 OperationOutcome with Retry-After', async () => {
    await system.stopSubgraph('ward');
    const answer = await fhirGet(system, `Encounter/${admissionId}`, tokens.doctor);
    expect(answer.status, JSON.stringify(answer.body)).toBe(503);
    expectValidFhir(answer.body);
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
