-- Sign-in throttling lives in identity.login_throttles (a hard per-account lock let anyone lock staff
-- out); the old lockout columns have had no reader or writer since.
ALTER TABLE "identity"."users" DROP COLUMN "failed_login_count",
DROP COLUMN "locked_until";
