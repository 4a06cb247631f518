import { describe } from 'vitest';
import { itChecksSubgraphEnv } from '@hospital/service-kit/testing';
import { loadConfig } from './env.ts';

describe('notifications subgraph env', () => {
  itChecksSubgraphEnv(loadConfig, { port: 4004, notificationsTarget: '127.0.0.1:50054' });
});
