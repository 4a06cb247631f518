/** Composition root of the appointments subgraph: env → logger → start → shutdown (the kit's runMain). */
import { runnableName } from '@hospital/grpc-contracts/departments';
import { runMain } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startAppointmentsSubgraph } from './index.ts';

await runMain({ name: runnableName('appointments', 'subgraph'), env: process.env, loadConfig, start: startAppointmentsSubgraph });
