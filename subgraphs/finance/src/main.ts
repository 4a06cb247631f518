/** Composition root of the finance subgraph: env → logger → start → shutdown (the kit's runMain). */
import { runMain } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startFinanceSubgraph } from './index.ts';

await runMain({ name: 'finance-subgraph', env: process.env, loadConfig, start: startFinanceSubgraph });
