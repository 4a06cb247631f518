/**
 * The commands of the one entry point (`node dist/hospital.js <command>`): which composition root
 * each starts, as a source path (run through tsx) and as the name of its built bundle in dist/.
 */

import { DEPARTMENT_NAMES } from '@hospital/grpc-contracts/departments';

/** Departments, each with a gRPC service and a subgraph: the department table's, in its order. */
export const DEPARTMENTS = DEPARTMENT_NAMES;

/** One runnable the entry point can start. */
export interface Runnable {
  /** Its main.ts, relative to the repository root. */
  source: string;
  /** Its bundle's file name in dist/ (built by scripts/build/build.ts). */
  bundle: string;
}

/** Every runnable, keyed by the command words that start it ("service patients", "router"). */
export const RUNNABLES: ReadonlyMap<string, Runnable> = new Map<string, Runnable>([
  ['router', { source: 'router/src/main.ts', bundle: 'router.js' }],
  ['web', { source: 'web/server/main.ts', bundle: 'web.js' }],
  ['migrate', { source: 'scripts/hospital/migrate-main.ts', bundle: 'migrate.js' }],
  ['seed-demo', { source: 'prisma/src/seed/main.ts', bundle: 'seed-demo.js' }],
  ...DEPARTMENTS.flatMap((dept): Array<[string, Runnable]> => [
    [`service ${dept}`, { source: `grpc-internal/services/${dept}/src/main.ts`, bundle: `service-${dept}.js` }],
    [`subgraph ${dept}`, { source: `subgraphs/${dept}/src/main.ts`, bundle: `subgraph-${dept}.js` }],
  ]),
]);

/** The usage text, listing every valid command and department. */
export const USAGE = [
  'usage: hospital <command>',
  'commands:',
  '  router                 the GraphQL router (gateway)',
  "  subgraph <department>  one department's subgraph",
  "  service <department>   one department's gRPC service",
  '  web                    the web server (dashboards + /graphql proxy)',
  '  migrate                apply the database migrations (DATABASE_URL)',
  '  seed-demo              load the demo data (DATABASE_URL)',
  `departments: ${DEPARTMENTS.join(', ')}`,
].join('\n');

/** What the arguments asked for. */
export type Resolution = { ok: true; key: string; runnable: Runnable } | { ok: false; message: string };

/**
 * Resolves the command line (without node and the script) to a runnable.
 * @param args - e.g. ['service', 'patients']
 */
export function resolveCommand(args: readonly string[]): Resolution {
  const [command, department, ...rest] = args;
  if (!command) return { ok: false, message: `no command given\n${USAGE}` };
  const takesDepartment = command === 'service' || command === 'subgraph';
  if (takesDepartment && !department) return { ok: false, message: `"${command}" needs a department\n${USAGE}` };
  const key = takesDepartment ? `${command} ${department}` : command;
  const runnable = RUNNABLES.get(key);
  if (!runnable) {
    const what = takesDepartment ? `unknown department "${department}"` : `unknown command "${command}"`;
    return { ok: false, message: `${what}\n${USAGE}` };
  }
  const extra = takesDepartment ? rest : [department, ...rest].filter((arg) => arg !== undefined);
  if (extra.length > 0) return { ok: false, message: `unexpected arguments: ${extra.join(' ')}\n${USAGE}` };
  return { ok: true, key, runnable };
}
