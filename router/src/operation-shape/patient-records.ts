/**
 * Which types of the API carry patient data, derived from the supergraph in this one place. Every
 * such record a subgraph returns is read through a department service that writes one permanent
 * audit row for it, so these types decide what an operation costs the audit trail
 * (operation-cost.ts). The rule follows the services' audit declarations: the `Patient` type
 * itself, and every object type that names its patient (a `patient` field or a `patientId`
 * field): appointments, prescriptions, admissions (also as a bed's occupant), invoices, audit
 * records.
 */
import { getNamedType, isObjectType, type GraphQLSchema } from 'graphql';

/** The type whose every read is audited. */
export const PATIENT_TYPE = 'Patient';

/** Fields that make a record about one patient. */
const PATIENT_FIELDS = ['patient', 'patientId'];

const cache = new WeakMap<GraphQLSchema, ReadonlySet<string>>();

/**
 * The names of the types whose records are audited when read, computed once per schema.
 * @param schema - the API schema
 */
export function patientRecordTypes(schema: GraphQLSchema): ReadonlySet<string> {
  const known = cache.get(schema);
  if (known) return known;
  const names = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    if (type === schema.getQueryType() || type === schema.getMutationType() || type === schema.getSubscriptionType()) continue;
    const fields = type.getFields();
    const namesPatient = PATIENT_FIELDS.some((name) => {
      const field = fields[name];
      return field !== undefined && (name === 'patientId' || getNamedType(field.type).name === PATIENT_TYPE);
    });
    if (type.name === PATIENT_TYPE || namesPatient) names.add(type.name);
  }
  cache.set(schema, names);
  return names;
}
