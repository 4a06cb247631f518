import { describe } from 'vitest';
import { itChecksSubgraphEnv } from '@hospital/service-kit/testing';
import { loadConfig } from './env.ts';

describe('finance subgraph env', () => {
  itChecksSubgraphEnv(loadConfig, { port: 4005, financeTarget: '127.0.0.1:50055', logLevel: 'info' });
});
