/**
 * GraphQL Code Generator for the department subgraphs: `subgraphs/<dept>/src/__generated__/
 * resolvers-types.ts` with the `Resolvers` types each subgraph's resolver map is checked against,
 * so a schema change that the resolvers do not follow breaks `tsc`.
 *
 * `npm run codegen` writes the files (gitignored, rebuilt by `npm run generate`);
 * `npm run codegen:check` (`tsx codegen.ts --check`) regenerates in memory and fails when the files
 * on disk differ, without touching them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';
import { DEPARTMENT_NAMES } from '@hospital/grpc-contracts/departments';

/**
 * Per subgraph: GraphQL types whose resolvers receive a proto message instead of the GraphQL
 * shape. Resolvers then return what the promise client returns, and type resolvers map fields.
 */
const SUBGRAPHS: Record<string, Record<string, string>> = {
  identity: {
    User: '@hospital/grpc-contracts#User__Output',
    AuthPayload: '@hospital/grpc-contracts#AuthPayload__Output',
    AccessRecord: '@hospital/grpc-contracts#AccessRecord__Output',
    AuditChainReport: '@hospital/grpc-contracts#VerifyAuditChainResponse__Output',
  },
  patients: {
    Patient: '@hospital/grpc-contracts#Patient__Output',
  },
  appointments: {
    // A proto Appointment, or the snapshot an event carries (see resolvers/mappers.ts).
    Appointment: '../resolvers/mappers.ts#AppointmentModel',
    // The validated outbox payload (version 1): the event contract's type.
    AppointmentEvent: '@hospital/grpc-contracts#AppointmentEventV1',
    AppointmentStatusChange: '@hospital/grpc-contracts#AppointmentStatusChange__Output',
    Patient: '../resolvers/mappers.ts#PatientReference',
  },
  finance: {
    Invoice: '@hospital/grpc-contracts#Invoice__Output',
    InvoiceLine: '@hospital/grpc-contracts#InvoiceLine__Output',
    Payment: '@hospital/grpc-contracts#Payment__Output',
    Refund: '@hospital/grpc-contracts#Refund__Output',
    // Proto Money (int64 as a string); the Money resolver turns it into an Int.
    Money: '../mappers.ts#MoneyModel',
    // Patients are the patients subgraph's entities: here they are references ({ id }).
    Patient: '../mappers.ts#PatientReference',
  },
  ward: {
    Ward: '@hospital/grpc-contracts#Ward__Output',
    // Occupancy figures travel on the ward message itself.
    WardOccupancy: '@hospital/grpc-contracts#Ward__Output',
    Bed: '@hospital/grpc-contracts#Bed__Output',
    Admission: '@hospital/grpc-contracts#Admission__Output',
    BedTransfer: '@hospital/grpc-contracts#BedTransfer__Output',
    // Patients and users are other subgraphs' entities: here they are references ({ id }).
    Patient: '../resolvers/references.ts#EntityReference',
    User: '../resolvers/references.ts#EntityReference',
  },
  pharmacy: {
    Drug: '@hospital/grpc-contracts#Drug__Output',
    StockLot: '@hospital/grpc-contracts#StockLot__Output',
    StockMovement: '@hospital/grpc-contracts#StockMovement__Output',
    Prescription: '@hospital/grpc-contracts#Prescription__Output',
    AllergyOverride: '@hospital/grpc-contracts#AllergyOverride__Output',
    PrescriptionReview: '@hospital/grpc-contracts#PrescriptionReview__Output',
    Dispensation: '@hospital/grpc-contracts#Dispensation__Output',
    // Patients and users are other subgraphs' entities: here they are references ({ id }).
    Patient: '../resolvers/references.ts#EntityReference',
    User: '../resolvers/references.ts#EntityReference',
  },
  notifications: {
    Notification: '@hospital/grpc-contracts#Notification__Output',
    NotificationDelivery: '@hospital/grpc-contracts#Delivery__Output',
    NotificationDeliveryAttempt: '@hospital/grpc-contracts#DeliveryAttempt__Output',
    // The appointments subgraph's entity: here a reference ({ id }).
    Appointment: '../resolvers/references.ts#AppointmentReference',
    // The clinical subgraph's entity: here a reference ({ id }).
    LabOrder: '../resolvers/references.ts#LabOrderReference',
  },
  clinical: {
    Encounter: '@hospital/grpc-contracts#Encounter__Output',
    ClinicalNote: '@hospital/grpc-contracts#Note__Output',
    VitalSigns: '@hospital/grpc-contracts#VitalSigns__Output',
    Problem: '@hospital/grpc-contracts#Problem__Output',
    LabOrder: '@hospital/grpc-contracts#LabOrder__Output',
    LabResult: '@hospital/grpc-contracts#LabResult__Output',
    LabTest: '@hospital/grpc-contracts#LabTest__Output',
    LabResultEvent: '../events/clinical-event-feed.ts#LabResultEventModel',
    WardVitalsEvent: '../events/clinical-event-feed.ts#VitalsEventModel',
    // Other subgraphs' entities: here they are references ({ id }).
    Patient: '../resolvers/references.ts#EntityReference',
    User: '../resolvers/references.ts#EntityReference',
    Appointment: '../resolvers/references.ts#EntityReference',
    Admission: '../resolvers/references.ts#EntityReference',
  },
};

/** Where a subgraph's generated types go. */
const outputOf = (name: string) => `subgraphs/${name}/src/__generated__/resolvers-types.ts`;

/**
 * The web app's typed documents (client preset): every `graphql(...)` call in `web/src` checked
 * against the router's supergraph, so an operation the API does not offer breaks `tsc`.
 * `persistedDocuments` also writes `web/src/gql/persisted-documents.json` (SHA-256 hash →
 * document), the safelist the router loads; each document carries its hash in `__meta__.hash`,
 * which the web client sends instead of the text. `__typename` is added before hashing, because
 * the router runs the manifest's text and urql's document cache needs typenames in results.
 */
const WEB_CLIENT = {
  'web/src/gql/': {
    schema: 'router/supergraph.graphql',
    documents: ['web/src/**/*.tsx', 'web/src/**/*.ts', '!web/src/gql/**'],
    preset: 'client' as const,
    presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' as const } },
    documentTransforms: [addTypenameSelectionDocumentTransform],
    config: {
      useTypeImports: true,
      enumsAsTypes: true,
      scalars: { ID: 'string', DateTime: 'string', Date: 'string', MinorUnits: 'string' },
    },
  },
};

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    ...WEB_CLIENT,
    ...Object.fromEntries(
      // Every department in the table has a subgraph; mappers are optional per subgraph.
      DEPARTMENT_NAMES.map((name) => [name, SUBGRAPHS[name] ?? {}] as const).map(([name, mappers]) => [
        outputOf(name),
        {
          // The SDL the subgraph serves: the shared prelude (subgraphs/kit/prelude.graphql), then the
          // department's file. Federation v2 `@link`/`@shareable` are not defined in it; the loader
          // does not validate directive usage, and `federation: true` adds the `@key` family itself.
          schema: ['subgraphs/kit/prelude.graphql', `subgraphs/${name}/schema.graphql`],
          plugins: [{ add: { content: '/* Generated by `npm run codegen` from schema.graphql; do not edit. */' } }, 'typescript', 'typescript-resolvers'],
          config: {
            federation: true,
            useTypeImports: true,
            contextType: '@hospital/subgraph-kit#SubgraphContext',
            // String unions, so the kit's role helpers and the generated types are one and the same.
            enumsAsTypes: true,
            scalars: { ID: 'string', DateTime: 'string', Date: 'string', MinorUnits: 'string' },
            mappers,
          },
        },
      ]),
    ),
  },
};

export default config;

/** Regenerates in memory and compares with the files on disk; exits 1 when any is stale. */
async function check(): Promise<void> {
  const root = path.dirname(fileURLToPath(import.meta.url));
  process.chdir(root);
  const { generate } = await import('@graphql-codegen/cli');
  const outputs = await generate({ ...config, cwd: root, silent: true }, false);
  const stale: string[] = [];
  for (const output of outputs) {
    const onDisk = await readFile(path.resolve(root, output.filename), 'utf8').catch(() => undefined);
    if (onDisk !== output.content) stale.push(`${output.filename}${onDisk === undefined ? ' (missing)' : ''}`);
  }
  if (stale.length > 0) {
    console.error(`Generated GraphQL types are out of date with the SDL:\n  ${stale.join('\n  ')}\nRun \`npm run codegen\` and fix any type errors it reveals.`);
    process.exit(1);
  }
  console.log(`GraphQL types are up to date (${outputs.length} files).`);
}

// Run as a script (`tsx codegen.ts --check`); graphql-codegen itself only imports the config.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv.includes('--check')) {
  await check();
}
