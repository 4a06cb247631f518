/** Composition root of the ward subgraph: env → logger → start → shutdown (the kit's runMain). */
import { runnableName } from '@hospital/grpc-contracts/departments';
import { runMain } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startWardSubgraph } from './index.ts';

await runMain({ name: runnableName('ward', 'subgraph'), env: process.env, loadConfig, start: startWardSubgraph });
