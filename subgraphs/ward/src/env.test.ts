import { describe } from 'vitest';
import { itChecksSubgraphEnv } from '@hospital/service-kit/testing';
import { loadConfig } from './env.ts';

describe('ward subgraph env', () => {
  itChecksSubgraphEnv(loadConfig, { port: 4007, wardTarget: '127.0.0.1:50057', logLevel: 'info' });
});
