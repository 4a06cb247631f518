-- Patient search in any script (issue 14). The key indexes of 20261206170000 held lower(name):
-- lower() follows the database's LC_CTYPE, and the embedded server behind `npm start` runs with
-- --locale=C, where it folds ASCII only, so "ёлкин" never found "Ёлкин"; and accents had to be
-- typed ("angstrom" never found "Ångström").
--
-- patients.search_key(name) is the one normalised key, used by the indexes below and by every
-- search (grpc-internal/services/patients/src/repositories/patient-search-sql.ts):
--   normalize(NFC)  so a decomposed "й" (и + breve) is the same letter as a composed one;
--   unaccent        (contrib, shipped by both the system server and embedded-postgres) drops
--                   accents and folds letters such as Ł→L, Ø→O, ß→ss, Æ→AE, Ё→Е;
--   lower() under the ICU root collation, whatever the database locale (Greek, Cyrillic…);
--   Arabic harakat and tatweel dropped, hamza forms of alef read as alef, final sigma as sigma
--                   (typed "σωκρατης" finds "ΣΩΚΡΑΤΗΣ" however lower() spelled the last letter).
-- IMMUTABLE is a promise PostgreSQL cannot check: the unaccent rules and ICU's case mapping are
-- fixed for a given server build. After a PostgreSQL or ICU upgrade that changes either, run
-- REINDEX TABLE patients.patients.
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

CREATE FUNCTION "patients"."search_key"(name text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN translate(
    regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, normalize(name, NFC)) COLLATE "und-x-icu"), '[\u0640\u064B-\u065F\u0670]', '', 'g'),
    'ςأإآٱ',
    'σاااا'
  );

-- Same columns and order as before (the search reads them as ordered ranges), new key expression.
DROP INDEX "patients"."patients_family_key_idx";
DROP INDEX "patients"."patients_given_key_idx";

CREATE INDEX "patients_family_key_idx" ON "patients"."patients"(("patients"."search_key"("family_name") COLLATE "C"), ("patients"."search_key"("given_name") COLLATE "C"), "mrn", "id");
CREATE INDEX "patients_given_key_idx" ON "patients"."patients"(("patients"."search_key"("given_name") COLLATE "C"), ("patients"."search_key"("family_name") COLLATE "C"), "mrn", "id");

-- As in 20261206170200: few, heavy names need the full statistics target for exact prefix estimates.
ALTER INDEX "patients"."patients_family_key_idx" ALTER COLUMN 1 SET STATISTICS 1000;
ALTER INDEX "patients"."patients_family_key_idx" ALTER COLUMN 2 SET STATISTICS 1000;
ALTER INDEX "patients"."patients_given_key_idx" ALTER COLUMN 1 SET STATISTICS 1000;
ALTER INDEX "patients"."patients_given_key_idx" ALTER COLUMN 2 SET STATISTICS 1000;
