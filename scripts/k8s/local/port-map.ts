/**
 * The manifest-driven local run's one translation: cluster addresses to this machine. Every
 * Service port gets a free local port; each runnable listens on its Service's local port on
 * 127.0.0.1, and every `<service>[.<ns>.svc]:<port>` in an environment becomes 127.0.0.1:<local>.
 * Nothing else in an environment changes (see local-run.ts for the names made unique per run).
 */
import { ofKind, type Rendered } from '../check/render.ts';
import { freePort } from '@hospital/service-kit';

/** "<service>:<port>" → local port. */
export type PortMap = Map<string, number>;

/**
 * A local port for every port of every Service in the overlay, plus fixed ones (data stores).
 * @param objects - the rendered overlay
 * @param fixed - "<service>:<port>" → local port for services this run does not start
 */
export async function allocatePorts(objects: Rendered[], fixed: Record<string, number>): Promise<PortMap> {
  const map: PortMap = new Map(Object.entries(fixed));
  for (const service of ofKind(objects, 'Service')) {
    for (const { port } of (service['spec'] as { ports: Array<{ port: number }> }).ports) map.set(`${service.metadata.name}:${port}`, await freePort());
  }
  return map;
}

/**
 * A container's environment on this machine.
 * @param env - the environment the manifest gives it
 * @param ports - the port map
 * @param ownPort - the container port(s) (a `*_PORT` variable naming one, e.g. METRICS_PORT too, moves to the Service's local port)
 * @param ownService - the Service in front of it
 */
export function localEnv(env: Record<string, string>, ports: PortMap, ownPort?: number | readonly number[], ownService?: string): Record<string, string> {
  const own = ownPort === undefined ? [] : typeof ownPort === 'number' ? [ownPort] : ownPort;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    let local = value.replace(/(^|\/\/|@|,)([a-z0-9-]+)(?:\.[a-z0-9-]+\.svc(?:\.cluster\.local)?)?:(\d{1,5})/g, (whole, lead: string, host: string, port: string) => {
      const mapped = ports.get(`${host}:${port}`);
      return mapped === undefined ? whole : `${lead}127.0.0.1:${mapped}`;
    });
    if (ownService && /_PORT$/.test(name) && own.some((p) => value === String(p))) local = String(ports.get(`${ownService}:${value}`) ?? value);
    // Listen on loopback only: this is a developer's machine, not a pod network.
    if (/_HOST$/.test(name) && value === '0.0.0.0') local = '127.0.0.1';
    out[name] = local;
  }
  return out;
}
