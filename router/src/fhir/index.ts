/**
 * The FHIR R4 facade's assembly: the implemented resource types and the Express handler the
 * router mounts at `/fhir/R4`, its GraphQL run through the router's own admission and server.
 */
import type { ApolloServer } from '@apollo/server';
import type { Express } from 'express';
import type { Logger } from '@hospital/service-kit';
import type { RouterContext } from '../context.ts';
import { corsForApps, type ClientOrigins } from '../oauth/cors.ts';
import { clientAddressMiddleware } from '../rate-limit/client-ip.ts';
import { DEFAULT_FHIR_IDENTIFIER_SYSTEM } from '@hospital/grpc-contracts/fhir';
import type { RouterConfig } from '../router-config.ts';
import type { EdgeServices } from '../router-edge.ts';
import { ExportJobStore, type ExportLimits } from './bulk-export/export-jobs.ts';
import { bulkExportHandler } from './bulk-export/export-routes.ts';
import { fhirCallerAdmission } from './graphql-runner.ts';
import { everythingOperation } from './everything.ts';
import { allergyIntoleranceResource } from './resources/allergy-intolerance.ts';
import { appointmentResource } from './resources/appointment.ts';
import { encounterResource } from './resources/encounter.ts';
import { invoiceResource } from './resources/invoice.ts';
import { locationResource } from './resources/location.ts';
import { medicationRequestResource } from './resources/medication-request.ts';
import { patientResource } from './resources/patient.ts';
import { practitionerResource } from './resources/practitioner.ts';
import type { FhirResourceType } from './resources/resource-type.ts';
import { FHIR_BASE_PATH, fhirRoutes } from './routes.ts';

export { FHIR_BASE_PATH, FHIR_JSON } from './routes.ts';

/** The resource types the facade serves (the CapabilityStatement lists exactly these). */
export const FHIR_RESOURCE_TYPES: readonly FhirResourceType[] = [
  patientResource,
  practitionerResource,
  appointmentResource,
  allergyIntoleranceResource,
  medicationRequestResource,
  encounterResource,
  locationResource,
  invoiceResource,
];

/** The kinds of record `Patient/{id}/$everything` gathers, each searched by `patient`. */
const PATIENT_COMPARTMENT: readonly FhirResourceType[] = [appointmentResource, allergyIntoleranceResource, medicationRequestResource, encounterResource, invoiceResource];

/** What `Patient/$export` exports, Patient first (the kick-off checks it); allergies need a patient per search, so they are not exported. */
const EXPORTED: readonly FhirResourceType[] = [patientResource, appointmentResource, medicationRequestResource, encounterResource, invoiceResource];

/** Bulk export limits: one export held per app, kept an hour, at most 200,000 resources. */
export const DEFAULT_EXPORT_LIMITS: ExportLimits = { perApp: 1, keepMs: 3_600_000, maxResources: 200_000 };

/**
 * The MRN system URI: configured, else the one default the patients subgraph's `Patient.fhir`
 * also uses (not derived from the router's public URL, which the subgraph does not know: both
 * doors must name MRNs alike).
 * @param config - the router's `fhir` settings
 */
export function identifierSystemOf(config: Pick<RouterConfig, 'fhir'>): string {
  return config.fhir?.identifierSystem ?? DEFAULT_FHIR_IDENTIFIER_SYSTEM;
}

/**
 * Mounts the facade (before the router's 404 handler, after its request scope).
 * @param app - the router's Express app
 * @param parts - configuration, edge services, the started Apollo Server, the logger, the browser origins admitted for CORS, and bulk export limits
 */
export function mountFhirRoutes(
  app: Express,
  parts: { config: RouterConfig; edge: EdgeServices; server: ApolloServer<RouterContext>; logger: Logger; origins: ClientOrigins; exportLimits?: ExportLimits },
): void {
  const { config, edge, server, logger } = parts;
  const settings = { identifierSystem: identifierSystemOf(config) };
  const fhirLogger = logger.child({ source: 'fhir' });
  const exports = new ExportJobStore(parts.exportLimits ?? DEFAULT_EXPORT_LIMITS);
  app.use(
    FHIR_BASE_PATH,
    // req.ip as for /graphql: the rate limits and the audit trail see the same client address.
    clientAddressMiddleware(edge.resolveClientAddress),
    // Browser SMART apps at their registered origins (and first-party ones), as for /graphql.
    corsForApps(parts.origins),
    fhirRoutes({
      types: FHIR_RESOURCE_TYPES,
      operations: [everythingOperation(patientResource, PATIENT_COMPARTMENT, settings)],
      settings,
      admitCaller: fhirCallerAdmission({ pipeline: edge.admission, server }),
      rateLimiter: edge.rateLimiter,
      publicUrl: config.oauth?.publicUrl,
      bulkExport: bulkExportHandler({ store: exports, types: EXPORTED, settings, logger: fhirLogger }),
      logger: fhirLogger,
    }),
  );
}
