/** Composition root of the finance subgraph: env → logger → start → shutdown (the kit's runMain). */
import { runnableName } from '@hospital/grpc-contracts/departments';
import { runMain } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startFinanceSubgraph } from './index.ts';

await runMain({ name: runnableName('finance', 'subgraph'), env: process.env, loadConfig, start: startFinanceSubgraph });
