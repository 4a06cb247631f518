/** Composition root of the notifications subgraph: env → logger → start → shutdown (the kit's runMain). */
import { runnableName } from '@hospital/grpc-contracts/departments';
import { runMain } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startNotificationsSubgraph } from './index.ts';

await runMain({ name: runnableName('notifications', 'subgraph'), env: process.env, loadConfig, start: startNotificationsSubgraph });
