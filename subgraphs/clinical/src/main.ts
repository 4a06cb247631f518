/** Composition root of the clinical subgraph: env → logger → start → shutdown (the kit's runMain). */
import { runnableName } from '@hospital/grpc-contracts/departments';
import { runMain } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startClinicalSubgraph } from './index.ts';

await runMain({ name: runnableName('clinical', 'subgraph'), env: process.env, loadConfig, start: startClinicalSubgraph });
