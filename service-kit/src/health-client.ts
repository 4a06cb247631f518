/**
 * A one-shot grpc.health.v1 client: launchers wait for services with it and tests assert on it,
 * without each of them loading the health proto.
 */
import { credentials, makeGenericClientConstructor } from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';

/** What grpc.health.v1.Health/Check answers. */
export type HealthStatus = 'UNKNOWN' | 'SERVING' | 'NOT_SERVING' | 'SERVICE_UNKNOWN';

const HealthClient = makeGenericClientConstructor(healthService, 'Health');

/**
 * Asks a server for the health of one service ('' for the whole server).
 * @param target - host:port
 * @param service - fully qualified service name, or '' for the server
 * @param deadlineMs - how long to wait for the answer
 */
export function checkHealth(target: string, service = '', deadlineMs = 2_000): Promise<HealthStatus> {
  const client = new HealthClient(target, credentials.createInsecure());
  return new Promise<HealthStatus>((resolve, reject) => {
    const deadline = new Date(Date.now() + deadlineMs);
    // The generic constructor adds methods at run time; this is the one we call.
    const typed = client as unknown as {
      Check(request: { service: string }, options: { deadline: Date }, callback: (error: Error | null, response?: { status?: HealthStatus }) => void): void;
    };
    typed.Check({ service }, { deadline }, (error, response) => {
      client.close();
      if (error) reject(error);
      else resolve(response?.status ?? 'UNKNOWN');
    });
  });
}
