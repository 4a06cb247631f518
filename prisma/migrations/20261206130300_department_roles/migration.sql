-- One group role per department, for deployments that give each service its own login
-- (`ensureServiceRole(…, 'hospital_patients')`): the rows of its own schema only, and the audit
-- trail as every service has it (append to pending, call the sealer; only identity reads the
-- chain). hospital_app (20261206130100) stays the union, for one shared login.
DO $$
DECLARE
  dept TEXT;
  grp TEXT;
BEGIN
  FOREACH dept IN ARRAY ARRAY['identity', 'patients', 'appointments', 'notifications', 'finance', 'pharmacy', 'ward'] LOOP
    grp := 'hospital_' || dept;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = grp) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS', grp);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- another database's migration created it at the same moment
      END;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I, "audit" TO %I', dept, grp);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', dept, grp);
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO %I', dept, grp);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', dept, grp);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %I', dept, grp);
    EXECUTE format('GRANT SELECT, INSERT ON "audit"."access_log_pending" TO %I', grp);
    EXECUTE format('GRANT USAGE ON SEQUENCE "audit"."access_log_pending_id_seq" TO %I', grp);
    EXECUTE format('GRANT EXECUTE ON FUNCTION "audit"."seal_pending"(BIGINT) TO %I', grp);
  END LOOP;
  -- Identity serves the trail to admins (AuditService).
  GRANT SELECT ON "audit"."access_log" TO "hospital_identity";
END
$$;
