import { readFileSync } from 'node:fs';
import { getNamedType, isListType, isNonNullType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  decideEntityAccess,
  decideFieldAccess,
  entityResource,
  grantScopes,
  parseScope,
  rootTypeNames,
  SCOPE_RESOURCES,
  schemaFromSdl,
  scopeNeededFor,
  scopesCover,
  type AccessRule,
  type AccessSubject,
} from './index.ts';

const app = (...scopes: string[]): AccessSubject => ({ kind: 'app', scopes });

describe('parseScope', () => {
  it.each([
    ['system/Patient.rs', true],
    ['system/Appointment.cruds', true],
    ['system/*.r', true],
    ['system/Patient.sr', false], // out of cruds order
    ['system/Patient.rr', false],
    ['system/Patient.read', false], // SMART v1 form
    ['system/Nurse.r', false],
    ['patient/Patient.r', false],
    ['system/Patient.', false],
    ['system/constructor.r', false],
  ])('%s parses: %s', (scope, ok) => {
    expect(parseScope(scope) !== undefined).toBe(ok);
  });
});

describe('scopesCover / decideFieldAccess for apps', () => {
  it.each([
    [['system/Patient.rs'], 'Query.patients', true, 'allowed'],
    [['system/Patient.r'], 'Query.patients', true, 'FORBIDDEN'], // search needs s
    [['system/Patient.s'], 'Patient.name', false, 'allowed'],
    [['system/Patient.rs'], 'Mutation.registerPatient', true, 'FORBIDDEN'],
    [['system/Patient.c'], 'Mutation.registerPatient', true, 'allowed'],
    [['system/Appointment.rs'], 'Patient.name', false, 'FORBIDDEN'], // a patient reached through an appointment
    [['system/Appointment.rs'], 'Subscription.appointmentEvents', true, 'allowed'],
    [['system/Appointment.rs'], 'PageInfo.hasNextPage', false, 'allowed'],
    [['system/*.rs'], 'Invoice.total', false, 'allowed'],
    [['system/*.cruds'], 'Query.users', true, 'FORBIDDEN'], // in no table: never open to apps
    [['system/*.cruds'], 'Query.auditTrail', true, 'FORBIDDEN'],
    [['user/Patient.rs'], 'Query.patients', true, 'FORBIDDEN'],
    [['bogus'], 'Query.patients', true, 'FORBIDDEN'],
    // Fields other departments add to a patient are their department's data, not the patient's.
    [['system/Patient.rs'], 'Patient.balance', false, 'FORBIDDEN'],
    [['system/Patient.rs'], 'Patient.invoices', false, 'FORBIDDEN'],
    [['system/Patient.rs'], 'Patient.prescriptions', false, 'FORBIDDEN'],
    [['system/Patient.rs'], 'Patient.admissions', false, 'FORBIDDEN'],
    [['system/Patient.rs'], 'Patient.currentAdmission', false, 'FORBIDDEN'],
    [['system/Patient.rs'], 'Patient.appointments', false, 'FORBIDDEN'],
    [['system/Invoice.r'], 'Patient.balance', false, 'allowed'],
    [['system/Invoice.s'], 'Patient.invoices', false, 'allowed'],
    [['system/Prescription.rs'], 'Patient.prescriptions', false, 'allowed'],
    [['system/Admission.rs'], 'Patient.currentAdmission', false, 'allowed'],
    [['system/Appointment.rs'], 'Patient.appointments', false, 'allowed'],
    [['system/Invoice.rs'], 'Patient.fullName', false, 'FORBIDDEN'],
    // Practitioner: who and in what role, never the account.
    [['system/Practitioner.rs'], 'User.id', false, 'allowed'],
    [['system/Practitioner.r'], 'User.displayName', false, 'allowed'],
    [['system/Practitioner.s'], 'User.role', false, 'allowed'],
    [['system/Practitioner.cruds'], 'User.email', false, 'FORBIDDEN'],
    [['system/Practitioner.cruds'], 'User.active', false, 'FORBIDDEN'],
    [['system/*.cruds'], 'User.createdAt', false, 'FORBIDDEN'],
    [['system/Appointment.rs'], 'User.displayName', false, 'FORBIDDEN'],
    [[], 'Money.amountMinor', false, 'allowed'], // plumbing: the field leading there decides
    [[], 'Query._entities', true, 'allowed'], // each representation and field is decided on its own
  ] as const)('%o on %s (root %s) is %s', (scopes, coordinate, isRoot, verdict) => {
    expect(decideFieldAccess(app(...scopes), undefined, isRoot, coordinate)).toBe(verdict);
  });

  it('fails closed for an app when no coordinate is given', () => {
    expect(decideFieldAccess(app('system/*.cruds'), undefined, true)).toBe('FORBIDDEN');
  });

  it('ignores roles for apps: an app claiming a role gets only its scopes', () => {
    expect(decideFieldAccess({ kind: 'app', role: 'admin', scopes: [] }, undefined, true, 'Query.patients')).toBe('FORBIDDEN');
    expect(scopesCover([], 'Query.patients', true)).toBe(false);
  });
});

describe('decideEntityAccess (a subgraph resolving an entity)', () => {
  it.each([
    [['system/Practitioner.rs'], 'User', 'allowed'],
    [['system/Appointment.rs'], 'User', 'FORBIDDEN'],
    [['system/Patient.rs'], 'Patient', 'allowed'],
    [['system/Invoice.rs'], 'Patient', 'FORBIDDEN'], // a patient's balance needs the patient too
    [['system/Invoice.rs'], 'Invoice', 'allowed'],
    [['system/*.cruds'], 'Ward', 'FORBIDDEN'], // of no resource: never resolved for an app
    [['system/Medication.r'], 'Drug', 'allowed'],
  ] as const)('%o resolving a %s is %s', (scopes, type, verdict) => {
    expect(decideEntityAccess(app(...scopes), undefined, type)).toBe(verdict);
  });

  it('decides users by the type rule as before', () => {
    const rule: AccessRule = { public: false, requires: [['admin', 'doctor']] };
    expect(decideEntityAccess({ kind: 'user', role: 'doctor' }, rule, 'Patient')).toBe('allowed');
    expect(decideEntityAccess({ kind: 'user', role: 'finance' }, rule, 'Patient')).toBe('FORBIDDEN');
    expect(decideEntityAccess({ kind: 'user', role: 'finance' }, undefined, 'User')).toBe('allowed');
    expect(decideEntityAccess({ kind: 'anonymous' }, rule, 'Patient')).toBe('UNAUTHENTICATED');
  });
});

describe('grantScopes', () => {
  const allowed = ['system/Patient.rs', 'system/Appointment.cruds'];
  it('grants what is asked within what is allowed, everything allowed when nothing is asked', () => {
    expect(grantScopes(['system/Patient.r'], allowed)).toEqual(['system/Patient.r']);
    expect(grantScopes([], allowed)).toEqual(allowed);
    expect(grantScopes(['system/Appointment.rs', 'system/Patient.s'], allowed)).toEqual(['system/Appointment.rs', 'system/Patient.s']);
  });
  it.each([['system/Patient.cruds'], ['system/*.r'], ['system/Invoice.r'], ['system/Patient.read']])('refuses escalation or nonsense: %s', (scope) => {
    expect(grantScopes([scope], allowed)).toBeUndefined();
  });
});

describe('the scope table against the supergraph', () => {
  const schema = schemaFromSdl(readFileSync(new URL('../../../../router/supergraph.graphql', import.meta.url), 'utf8'));
  const roots = rootTypeNames(schema);
  it('names only types and root fields that exist', () => {
    for (const [name, resource] of Object.entries(SCOPE_RESOURCES)) {
      for (const type of resource.types) expect(isObjectType(schema.getType(type)), `${name}: ${type}`).toBe(true);
      for (const coordinate of Object.keys(resource.rootFields)) {
        const [typeName, field] = coordinate.split('.') as [string, string];
        const type = schema.getType(typeName);
        expect(roots.has(typeName) && isObjectType(type) && type.getFields()[field] !== undefined, coordinate).toBe(true);
      }
      for (const coordinate of resource.fields) {
        const [typeName, field] = coordinate.split('.') as [string, string];
        const type = schema.getType(typeName);
        expect(!roots.has(typeName) && isObjectType(type) && type.getFields()[field] !== undefined, coordinate).toBe(true);
      }
    }
  });

  // A list, a page or a nullable link reached from one resource's type carries another resource's
  // data (`invoices { __typename }` counts them, `currentAdmission { __typename }` says whether
  // the patient is in hospital): such a field must name that resource. So must a field returning
  // Money, which is finance data wherever it hangs. A non-null link to another record
  // (`Appointment.patient`) is the parent's data; the other record's fields then need its resource.
  it('guards every field leading into another resource by a list, a page, a nullable link or Money', () => {
    const entityRoots = new Set(['Patient', 'Appointment', 'Prescription', 'Invoice', 'Admission', 'Drug', 'User']);
    // Nullable links whose presence is the parent's own data (its status says as much).
    const parentData = new Set(['Prescription.dispensedBy', 'Prescription.cancelledBy', 'Admission.dischargedBy', 'AllergyChange.changedBy', 'AppointmentStatusChange.changedBy']);
    const unguarded: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('_') || roots.has(type.name)) continue;
      for (const field of Object.values(type.getFields())) {
        const coordinate = `${type.name}.${field.name}`;
        const target = getNamedType(field.type).name;
        const need = scopeNeededFor(coordinate, false);
        if (need === undefined) continue; // closed to apps anyway
        const wanted = target === 'Money' ? 'Invoice' : target === 'PageInfo' ? (need === 'shared' ? 'a resource' : need.resource) : entityResource(target);
        if (wanted === undefined || (need !== 'shared' && need.resource === wanted)) continue;
        if (entityRoots.has(target) && isNonNullType(field.type) && !isListType(field.type.ofType)) continue;
        if (parentData.has(coordinate)) continue;
        unguarded.push(`${coordinate} -> ${target}`);
      }
    }
    expect(unguarded).toEqual([]);
  });
});
