-- In-app notifications carry no clinical detail: their text is read later by whoever holds the
-- inbox then (a doctor moved to finance keeps theirs). Messages written before this change ended
-- with a "Reason: …" line; remove it from the inbox and from the in-app deliveries' copies. The
-- reason stays readable through the appointment, which is checked against the reader at read time.
UPDATE "notifications"."notifications"
   SET "body" = regexp_replace("body", E'\nReason: .*$', '')
 WHERE "body" ~ E'\nReason: ';

UPDATE "notifications"."deliveries"
   SET "body" = regexp_replace("body", E'\nReason: .*$', '')
 WHERE "channel" = 'in_app' AND "body" ~ E'\nReason: ';
