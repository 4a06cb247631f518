/** The CapabilityStatement, generated from the resource types the facade implements. */
import type { CapabilityStatement } from '@medplum/fhirtypes';
import type { FhirResourceType } from './resources/resource-type.ts';

/** Operations the facade implements beyond read and search (name → definition canonical). */
export interface FhirOperationDescription {
  name: string;
  definition: string;
}

/**
 * The CapabilityStatement of this server.
 * @param types - the implemented resource types
 * @param options - the facade's base URL, when the statement was made, and instance operations per type
 */
export function capabilityStatement(
  types: readonly FhirResourceType[],
  options: { base: string; date: string; operations?: Readonly<Record<string, readonly FhirOperationDescription[]>> },
): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: options.date,
    kind: 'instance',
    software: { name: 'hospital-system FHIR facade' },
    implementation: { description: 'Read-only FHIR R4 view of the hospital supergraph', url: options.base },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation: "Every interaction runs as GraphQL through the router with the caller's token: the same roles, scopes and audit trail apply.",
        security: {
          cors: true,
          service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }] }],
          description: "Bearer access tokens: a signed-in user's, or an app's with SMART v2 system scopes (system/Patient.rs …) from /oauth/token.",
        },
        resource: types.map((type) => ({
          type: type.type,
          documentation: type.documentation,
          interaction: [{ code: 'read' as const }, { code: 'search-type' as const }],
          searchParam: type.searchParams.map((param) => ({ name: param.name, type: param.type, documentation: param.documentation })),
          operation: options.operations?.[type.type]?.map((op) => ({ name: op.name, definition: op.definition })),
        })),
      },
    ],
  };
}
