-- Least privilege: migrations run as the database owner; the services connect as a login role that
-- is a member of "hospital_app" (created at database setup, see @hospital/db `ensureServiceRole`).
-- hospital_app may read and write the departments' rows, but only SELECT and INSERT the audit
-- trail: no UPDATE, DELETE or TRUNCATE, and, not owning the table, no ALTER TABLE … DISABLE TRIGGER.
-- The role is cluster-wide and created only when missing (several databases on one server share
-- it); the owner needs CREATEROLE for that, or a DBA creates hospital_app (NOLOGIN) beforehand.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hospital_app') THEN
    BEGIN
      CREATE ROLE "hospital_app" NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- another database's migration created it at the same moment
    END;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA "identity", "patients", "appointments", "notifications", "finance", "pharmacy", "ward", "audit" TO "hospital_app";

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "identity", "patients", "appointments", "notifications", "finance", "pharmacy", "ward" TO "hospital_app";
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA "identity", "patients", "appointments", "notifications", "finance", "pharmacy", "ward" TO "hospital_app";
-- Tables and sequences later migrations create (as the same owner) get the same rights.
ALTER DEFAULT PRIVILEGES IN SCHEMA "identity", "patients", "appointments", "notifications", "finance", "pharmacy", "ward"
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "hospital_app";
ALTER DEFAULT PRIVILEGES IN SCHEMA "identity", "patients", "appointments", "notifications", "finance", "pharmacy", "ward"
  GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO "hospital_app";

-- The audit trail: append and read only.
REVOKE ALL ON ALL TABLES IN SCHEMA "audit" FROM "hospital_app";
GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA "audit" TO "hospital_app";
ALTER DEFAULT PRIVILEGES IN SCHEMA "audit" GRANT SELECT, INSERT ON TABLES TO "hospital_app";
