/** Configuration of the patients subgraph, parsed from the environment (only main.ts passes process.env). */
import { z } from 'zod';
import { subgraphDefaults } from '@hospital/grpc-contracts/departments';
import { parseDepartmentSubgraphEnv } from '@hospital/subgraph-kit';
import type { LevelWithSilent } from '@hospital/service-kit';
import type { PatientsSubgraphConfig } from './config.ts';

/** Beyond what every department subgraph reads: the MRN system of `Patient.fhir`, the router's variable. */
const fhirEnv = { FHIR_IDENTIFIER_SYSTEM: z.url().optional() };

/** Everything main.ts needs: the subgraph's config plus the log level. */
export type PatientsSubgraphEnv = PatientsSubgraphConfig & { logLevel: LevelWithSilent };

/**
 * Parses PATIENTS_SUBGRAPH_PORT (4002), PATIENTS_SUBGRAPH_HOST, PATIENTS_GRPC_TARGET (127.0.0.1:50052),
 * GRPC_DEADLINE_MS, INTERNAL_SECRET, NODE_ENV, LOG_LEVEL and FHIR_IDENTIFIER_SYSTEM, reporting every problem at once.
 * @param env - the variables (process.env in main.ts)
 */
export function loadConfig(env: Record<string, string | undefined>): PatientsSubgraphEnv {
  const [{ grpcTarget, ...settings }, fhir] = parseDepartmentSubgraphEnv('PATIENTS', subgraphDefaults('patients'), env, fhirEnv);
  return { ...settings, patientsTarget: grpcTarget, fhirIdentifierSystem: fhir.FHIR_IDENTIFIER_SYSTEM };
}
