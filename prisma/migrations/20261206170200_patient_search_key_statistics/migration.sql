-- Planner statistics for the search key indexes (20261206170000_patient_search_keys). Names are
-- few and heavy (a register of a million holds a few hundred given names): with the default
-- target the commonest names miss the most-common-values list, the histogram cannot see a single
-- name inside a bucket, and `given key LIKE 'ad%'` was estimated at 109 rows for 9,202 real ones,
-- so a count read and sorted them all (47 ms) instead of walking the index. With 1,000 every
-- name of such a register is a most-common value and prefix estimates are exact.
ALTER INDEX "patients"."patients_family_key_idx" ALTER COLUMN 1 SET STATISTICS 1000;
ALTER INDEX "patients"."patients_family_key_idx" ALTER COLUMN 2 SET STATISTICS 1000;
ALTER INDEX "patients"."patients_given_key_idx" ALTER COLUMN 1 SET STATISTICS 1000;
ALTER INDEX "patients"."patients_given_key_idx" ALTER COLUMN 2 SET STATISTICS 1000;
