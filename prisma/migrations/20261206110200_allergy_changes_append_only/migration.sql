-- The allergy history is kept for good: rows are only ever added. Triggers refuse UPDATE, DELETE
-- and TRUNCATE whoever connects (the services' role, not owning the table, cannot disable them).
CREATE FUNCTION "patients"."refuse_allergy_change_edit"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'patients.allergy_changes is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "allergy_changes_append_only" BEFORE UPDATE OR DELETE ON "patients"."allergy_changes"
  FOR EACH ROW EXECUTE FUNCTION "patients"."refuse_allergy_change_edit"();
CREATE TRIGGER "allergy_changes_no_truncate" BEFORE TRUNCATE ON "patients"."allergy_changes"
  FOR EACH STATEMENT EXECUTE FUNCTION "patients"."refuse_allergy_change_edit"();
