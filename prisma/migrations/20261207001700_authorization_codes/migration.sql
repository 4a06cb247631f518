-- User-facing apps (issue 16): apps register exact redirect URIs and may be public clients (PKCE
-- only); one-time authorization codes minted on a clinician's consent, stored as SHA-256, spent
-- once by a conditional UPDATE and valid 60 seconds (RFC 6749 §4.1, RFC 7636).
-- AlterTable
ALTER TABLE "identity"."client_apps" ADD COLUMN "public_client" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "redirect_uris" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "identity"."authorization_codes" (
    "code_hash" TEXT NOT NULL,
    "client_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "redirect_uri" TEXT NOT NULL,
    "scopes" TEXT[],
    "code_challenge" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "authorization_codes_pkey" PRIMARY KEY ("code_hash")
);

-- CreateIndex
CREATE INDEX "authorization_codes_expires_at_idx" ON "identity"."authorization_codes"("expires_at");
