/** Composition root of the identity subgraph: env → logger → start → shutdown (the kit's runMain). */
import { runnableName } from '@hospital/grpc-contracts/departments';
import { runMain } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startIdentitySubgraph } from './index.ts';

await runMain({ name: runnableName('identity', 'subgraph'), env: process.env, loadConfig, start: startIdentitySubgraph });
