/** The local run's address translation: every port a container declares moves to its Service's local port. */
import { describe, expect, it } from 'vitest';
import { localEnv, type PortMap } from './port-map.ts';

describe('localEnv', () => {
  const ports: PortMap = new Map([
    ['ward-service:50057', 41001],
    ['ward-service:9464', 41002],
    ['patients-service:50052', 41003],
    ['patients-service:9464', 41004],
  ]);

  it("moves the main and the metrics port variables to the Service's local ports, and targets to 127.0.0.1", () => {
    const env = localEnv(
      { WARD_GRPC_PORT: '50057', METRICS_PORT: '9464', WARD_GRPC_HOST: '0.0.0.0', PATIENTS_GRPC_TARGET: 'patients-service:50052', LOG_LEVEL: 'info' },
      ports,
      [50057, 9464],
      'ward-service',
    );
    expect(env).toEqual({ WARD_GRPC_PORT: '41001', METRICS_PORT: '41002', WARD_GRPC_HOST: '127.0.0.1', PATIENTS_GRPC_TARGET: '127.0.0.1:41003', LOG_LEVEL: 'info' });
  });

  it('leaves a port variable that names no declared port alone (one number, as before)', () => {
    expect(localEnv({ WARD_GRPC_PORT: '50057', METRICS_PORT: '9464' }, ports, 50057, 'ward-service')).toEqual({ WARD_GRPC_PORT: '41001', METRICS_PORT: '9464' });
  });
});
