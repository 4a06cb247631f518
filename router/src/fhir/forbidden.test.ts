import { describe, expect, it } from 'vitest';
import type { Caller } from '@hospital/service-kit';
import { fhirForbidden, interactionOf, missingScopes } from './forbidden.ts';

const doctor: Caller = { kind: 'user', userId: 'u1', role: 'doctor', email: 'd@test.local' };
const app = (scopes: string[]): Caller => ({ kind: 'app', clientId: 'c1', name: 'EHR', scopes });
/** What the access step refuses a finance-less caller reading invoices (as before this change). */
const INVOICE_FIELDS = ['Invoice.createdAt', 'Invoice.id', 'InvoiceConnection.edges', 'Query.invoices'];

describe('403s in FHIR terms', () => {
  it('reads the FHIR type and verb from the facade operation names', () => {
    expect(interactionOf('FhirInvoiceSearch')).toEqual({ type: 'Invoice', verb: 'search' });
    expect(interactionOf('FhirAllergyIntoleranceRead')).toEqual({ type: 'AllergyIntolerance', verb: 'read' });
    expect(interactionOf('Twins')).toBeUndefined();
  });

  it('tells a user which FHIR type their role may not read, naming no GraphQL field', () => {
    const error = fhirForbidden(interactionOf('FhirInvoiceSearch'), doctor, INVOICE_FIELDS);
    expect([error.status, error.issueCode, error.message]).toEqual([403, 'forbidden', 'Your role may not read Invoice.']);
  });

  it('tells an app the scope its token lacks', () => {
    expect(fhirForbidden(interactionOf('FhirInvoiceSearch'), app(['system/Patient.rs']), INVOICE_FIELDS).message).toBe(
      'This app may not search Invoice: its token lacks the scope system/Invoice.s.',
    );
    expect(fhirForbidden(interactionOf('FhirPatientRead'), app([]), ['Patient.id', 'Query.patient']).message).toBe(
      'This app may not read Patient: its token lacks the scope system/Patient.r.',
    );
    // Participants of an appointment need the other resources' scopes too.
    expect(missingScopes(['Patient.id', 'User.id', 'Query.appointment'], ['system/Appointment.rs'], 'system').scopes).toEqual(['system/Patient.rs', 'system/Practitioner.rs']);
  });

  it('names user/ scopes for an app acting for a user, and the role when the scopes cover it', () => {
    const via: Caller = { ...doctor, app: { clientId: 'c2', name: 'Chart', scopes: ['user/Appointment.rs'] } };
    expect(fhirForbidden(interactionOf('FhirPatientSearch'), via, ['Patient.id', 'Query.patients']).message).toContain('user/Patient.s');
    const covered: Caller = { ...doctor, app: { clientId: 'c2', name: 'Chart', scopes: ['user/Invoice.rs'] } };
    expect(fhirForbidden(interactionOf('FhirInvoiceRead'), covered, ['Invoice.id', 'Query.invoice']).message).toBe('Your role may not read Invoice.');
  });

  it('says so when no scope opens a field to apps', () => {
    expect(fhirForbidden(interactionOf('FhirLocationSearch'), app(['system/*.rs']), ['Query.wards', 'Ward.id']).message).toBe(
      'This app may not search Location: no SMART scope opens it to apps.',
    );
  });
});
