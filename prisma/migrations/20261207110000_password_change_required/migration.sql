-- A temporary password set by an admin must be replaced at the next sign-in.
ALTER TABLE "identity"."users" ADD COLUMN "password_change_required" BOOLEAN NOT NULL DEFAULT false;
