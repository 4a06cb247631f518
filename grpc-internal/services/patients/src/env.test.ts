import { describe } from 'vitest';
import { itChecksServiceEnv } from '@hospital/service-kit/testing';
import { loadConfig } from './env.ts';

describe('patients env', () => {
  itChecksServiceEnv(loadConfig, { port: 50052, care: { appointmentsTarget: '127.0.0.1:50053', wardTarget: '127.0.0.1:50057' }, grpcDeadlineMs: 5000 });
});
