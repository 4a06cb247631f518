/** Composition root of the pharmacy subgraph: env → logger → start → shutdown (the kit's runMain). */
import { runnableName } from '@hospital/grpc-contracts/departments';
import { runMain } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startPharmacySubgraph } from './index.ts';

await runMain({ name: runnableName('pharmacy', 'subgraph'), env: process.env, loadConfig, start: startPharmacySubgraph });
