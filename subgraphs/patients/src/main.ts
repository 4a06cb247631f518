/** Composition root of the patients subgraph: env → logger → start → shutdown (the kit's runMain). */
import { runnableName } from '@hospital/grpc-contracts/departments';
import { runMain } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startPatientsSubgraph } from './index.ts';

await runMain({ name: runnableName('patients', 'subgraph'), env: process.env, loadConfig, start: startPatientsSubgraph });
