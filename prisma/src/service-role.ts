/**
 * The role the services connect as. Migrations run as the database owner; the services log in as
 * a role that is a member of `hospital_app` (the privileges: rows of every department, only SELECT
 * and INSERT on the audit trail; see the migration 20261206130100_service_role). It is not
 * superuser, owns nothing, and so cannot disable the audit triggers or drop the chain.
 */
import pg from 'pg';

/** The group role the migrations grant to: every department's rows (one login for all services). */
export const SERVICE_GROUP_ROLE = 'hospital_app';

/**
 * The group role of one department (migration 20261206130300_department_roles): its own schema's
 * rows and the audit trail's append path only.
 * @param department - a department of the table (identity, patients, …, ward, clinical)
 */
export function departmentRole(department: string): string {
  const role = `hospital_${department}`;
  assertSafeRole(role);
  return role;
}

/** Role names we accept: unquoted identifiers, so SQL and URLs never need escaping. */
const SAFE_ROLE = /^[a-z_][a-z0-9_]{0,62}$/;

/** One lock key for every caller on a server: role changes from parallel setups do not collide. */
const ROLE_LOCK = 7301202612060001n;

function assertSafeRole(name: string): void {
  if (!SAFE_ROLE.test(name)) throw new Error(`Invalid role name "${name}": use [a-z0-9_], at most 63 characters`);
}

/**
 * The URL of a database as another user (same host, port, database and query options).
 * @param databaseUrl - the database's URL as any user
 * @param role - the login role
 * @param password - its password
 */
export function databaseUrlAs(databaseUrl: string, role: string, password: string): string {
  assertSafeRole(role);
  const url = new URL(databaseUrl);
  url.username = role;
  url.password = encodeURIComponent(password);
  return url.toString();
}

/**
 * Creates (or updates) a login role for the services, member of `group` ({@link SERVICE_GROUP_ROLE}
 * or a {@link departmentRole}), with no other power, and sets its password. Idempotent, and safe
 * from parallel callers on one server (they take turns on an advisory lock on the maintenance
 * database). A department group must exist (its migration made it); hospital_app is made if missing.
 * @param serverUrl - the owner's (or a superuser's) URL of the server's maintenance database
 * @param role - the login role's name
 * @param password - its password (set every time: a launcher may pick a fresh one per start)
 * @param group - the group whose rights it gets (default hospital_app)
 */
export async function ensureServiceRole(serverUrl: string, role: string, password: string, group: string = SERVICE_GROUP_ROLE): Promise<void> {
  assertSafeRole(role);
  assertSafeRole(group);
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ROLE_LOCK.toString()]);
    const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [group]);
    if (!found.rowCount && group === SERVICE_GROUP_ROLE) await client.query(`CREATE ROLE "${SERVICE_GROUP_ROLE}" NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS`);
    else if (!found.rowCount) throw new Error(`Role ${group} does not exist: apply the migrations first`);
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const powers = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD ${client.escapeLiteral(password)}`;
    await client.query(exists.rowCount ? `ALTER ROLE "${role}" WITH ${powers}` : `CREATE ROLE "${role}" WITH ${powers}`);
    await client.query(`GRANT "${group}" TO "${role}"`);
  } finally {
    await client.end();
  }
}

/**
 * Drops a login role made by {@link ensureServiceRole} (after its databases are gone).
 * @param serverUrl - the owner's URL of the server's maintenance database
 * @param role - the login role's name
 */
export async function dropServiceRole(serverUrl: string, role: string): Promise<void> {
  assertSafeRole(role);
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(`DROP ROLE IF EXISTS "${role}"`);
  } finally {
    await client.end();
  }
}
