-- Possible duplicates at registration (issue 14): a new patient is probably already on file when
-- an active record has the same date of birth and the same names ignoring case, accents and order,
-- or the same phone number. Both rules are read here, by the database, through these two
-- expressions (grpc-internal/services/patients/src/repositories/possible-duplicates-sql.ts).

-- The words of both names as a sorted set of search keys: "Ada Lovelace" = "LOVELACE, Ada" =
-- "Lovelace Ada"; hyphens and spaces part words, apostrophes do not ("O'Brien" = "OBrien").
CREATE FUNCTION "patients"."name_words"(given text, family text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN ARRAY(
    SELECT word COLLATE "C" FROM regexp_split_to_table(regexp_replace("patients"."search_key"(given || ' ' || family), '[''’]', '', 'g'), '[[:space:]-]+') AS word
     WHERE word <> '' ORDER BY 1
  );

-- The digits of a phone number: "+44 20 7946 0000" = "+44 (20) 7946-0000". Candidates by date of
-- birth come from the existing date_of_birth index; this one serves the phone rule.
CREATE FUNCTION "patients"."phone_digits"(phone text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN regexp_replace(phone, '[^0-9]', '', 'g');

CREATE INDEX "patients_phone_digits_idx" ON "patients"."patients"(("patients"."phone_digits"("phone"))) WHERE "phone" IS NOT NULL;
