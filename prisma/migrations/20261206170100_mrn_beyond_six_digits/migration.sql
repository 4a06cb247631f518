-- MRNs past 999,999. The default was 'MRN-' || lpad(n, 6, '0'), and lpad also CUTS a longer
-- string to 6 characters: patient 1,000,000 got MRN-100000 again (a unique violation, so the
-- register stopped at a million patients; found loading 1,000,000 patients for the search
-- benchmark). Now: at least 6 digits, zero-padded, never cut (MRN-000001 … MRN-999999, MRN-1000000).
-- One nextval per row, as before.
ALTER TABLE "patients"."patients" ALTER COLUMN "mrn" SET DEFAULT ('MRN-'::text || regexp_replace(('00000'::text || (nextval('patients.mrn_seq'::regclass))::text), '^0*([0-9]{6,})$'::text, '\1'::text));
