-- Patient search at a million rows: every page is a range of one of these two indexes read in
-- order and stopped by LIMIT (grpc-internal/services/patients/src/repositories/patient-search-sql.ts).
-- Keys are the lower-cased names in code-point order (COLLATE "C"): a C-collated btree serves
-- `key LIKE 'smi%'` as a range whatever the database collation, and its order is the result order,
-- so neither a one-letter nor a rare prefix sorts or counts the table. Section 0 of the results
-- (family name matches; MRN, date-of-birth and empty searches) reads the family key index,
-- section 1 (given name matches only) the given key index. They replace the two single-column
-- text_pattern_ops indexes, whose prefix ranges came back unordered (the old search sorted and
-- counted every match: 76 ms for "a" on 100,000 patients). Expression indexes: Prisma's schema
-- cannot state them, and its drift check ignores them.
DROP INDEX IF EXISTS "patients"."patients_family_name_lower_prefix_idx";
DROP INDEX IF EXISTS "patients"."patients_given_name_lower_prefix_idx";

CREATE INDEX "patients_family_key_idx" ON "patients"."patients"((lower("family_name") COLLATE "C"), (lower("given_name") COLLATE "C"), "mrn", "id");

CREATE INDEX "patients_given_key_idx" ON "patients"."patients"((lower("given_name") COLLATE "C"), (lower("family_name") COLLATE "C"), "mrn", "id");
