-- Staff in-app notifications name no patient either: who sees which doctor when is health
-- information, and the inbox is read later under whatever role its owner holds then. Messages
-- written before this change read "New appointment: Ada Lovelace (MRN-000123), <slot>." (or "a
-- patient, " when the name was unknown); keep "New appointment: <slot>." The patient is read
-- through the appointment, which is checked against the reader at read time.
UPDATE "notifications"."notifications"
   SET "body" = regexp_replace("body", E'^([^:\n]+): [^\n]* \\(MRN-[0-9]+\\), ', E'\\1: ')
 WHERE "body" ~ E'^[^:\n]+: [^\n]* \\(MRN-[0-9]+\\), ';

UPDATE "notifications"."notifications"
   SET "body" = regexp_replace("body", E'^([^:\n]+): a patient, ', E'\\1: ')
 WHERE "body" ~ E'^[^:\n]+: a patient, ';

UPDATE "notifications"."deliveries"
   SET "body" = regexp_replace("body", E'^([^:\n]+): [^\n]* \\(MRN-[0-9]+\\), ', E'\\1: ')
 WHERE "channel" = 'in_app' AND "body" ~ E'^[^:\n]+: [^\n]* \\(MRN-[0-9]+\\), ';

UPDATE "notifications"."deliveries"
   SET "body" = regexp_replace("body", E'^([^:\n]+): a patient, ', E'\\1: ')
 WHERE "channel" = 'in_app' AND "body" ~ E'^[^:\n]+: a patient, ';
