-- Initial schema: one PostgreSQL schema per department. Generated with
-- `prisma migrate diff --from-empty --to-schema schema --script`, then hand-edited for what the
-- Prisma schema cannot express (sequence, CHECK, expression indexes). No FK crosses schemas.

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "identity";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "patients";

-- CreateEnum
CREATE TYPE "identity"."Role" AS ENUM ('admin', 'doctor', 'pharmacist', 'finance', 'ward_staff');

-- CreateEnum
CREATE TYPE "patients"."Sex" AS ENUM ('female', 'male', 'other', 'unknown');

-- CreateTable
CREATE TABLE "identity"."users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "role" "identity"."Role" NOT NULL,
    "password_hash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failed_login_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id"),
    -- Sign-in looks emails up as given, lower-cased; the database refuses anything else.
    CONSTRAINT "users_email_lower_check" CHECK ("email" = lower("email"))
);

-- CreateTable
CREATE TABLE "identity"."refresh_tokens" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "family_id" UUID NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "spent_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refresh_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateSequence
-- MRNs come from this sequence (see the default of patients.mrn); it must exist before the table.
CREATE SEQUENCE "patients"."mrn_seq" AS BIGINT START WITH 1 INCREMENT BY 1 NO CYCLE;

-- CreateTable
CREATE TABLE "patients"."patients" (
    "id" UUID NOT NULL,
    "mrn" TEXT NOT NULL DEFAULT ('MRN-'::text || lpad((nextval('patients.mrn_seq'::regclass))::text, 6, '0'::text)),
    "given_name" TEXT NOT NULL,
    "family_name" TEXT NOT NULL,
    "date_of_birth" DATE NOT NULL,
    "sex" "patients"."Sex" NOT NULL DEFAULT 'unknown',
    "phone" TEXT,
    "email" TEXT,
    "address" TEXT,
    "allergies" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "patients_pkey" PRIMARY KEY ("id")
);

-- The sequence belongs to the column, so dropping the table drops it too.
ALTER SEQUENCE "patients"."mrn_seq" OWNED BY "patients"."patients"."mrn";

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "identity"."users"("email");

-- CreateIndex
CREATE INDEX "users_role_email_idx" ON "identity"."users"("role", "email");

-- CreateIndex
CREATE UNIQUE INDEX "refresh_tokens_token_hash_key" ON "identity"."refresh_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "refresh_tokens_user_id_idx" ON "identity"."refresh_tokens"("user_id");

-- CreateIndex
CREATE INDEX "refresh_tokens_family_id_idx" ON "identity"."refresh_tokens"("family_id");

-- CreateIndex
CREATE UNIQUE INDEX "patients_mrn_key" ON "patients"."patients"("mrn");

-- CreateIndex
CREATE INDEX "patients_date_of_birth_idx" ON "patients"."patients"("date_of_birth");

-- CreateIndex
-- Patient search is a case-insensitive prefix match (lower(name) LIKE 'smi%'); text_pattern_ops
-- lets a btree serve LIKE prefixes whatever the database collation.
CREATE INDEX "patients_family_name_lower_prefix_idx" ON "patients"."patients"(lower("family_name") text_pattern_ops);

-- CreateIndex
CREATE INDEX "patients_given_name_lower_prefix_idx" ON "patients"."patients"(lower("given_name") text_pattern_ops);

-- AddForeignKey
ALTER TABLE "identity"."refresh_tokens" ADD CONSTRAINT "refresh_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "identity"."users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
