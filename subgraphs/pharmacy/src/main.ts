/** Composition root of the pharmacy subgraph: env → logger → start → shutdown (the kit's runMain). */
import { runMain } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startPharmacySubgraph } from './index.ts';

await runMain({ name: 'pharmacy-subgraph', env: process.env, loadConfig, start: startPharmacySubgraph });
