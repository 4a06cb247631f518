-- Refresh tokens for apps a clinician launched (issue 16, see prisma/schema/app-refresh-tokens.prisma):
-- rotated on every use, a reused one revokes its family, all of an app's revoked with its secret
-- rotation or its revocation. Stored as SHA-256 only.
-- CreateTable
CREATE TABLE "identity"."app_refresh_tokens" (
    "token_hash" TEXT NOT NULL,
    "family_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "scopes" TEXT[],
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "app_refresh_tokens_pkey" PRIMARY KEY ("token_hash")
);

-- CreateIndex
CREATE INDEX "app_refresh_tokens_family_id_idx" ON "identity"."app_refresh_tokens"("family_id");

-- CreateIndex
CREATE INDEX "app_refresh_tokens_client_id_idx" ON "identity"."app_refresh_tokens"("client_id");

-- CreateIndex
CREATE INDEX "app_refresh_tokens_expires_at_idx" ON "identity"."app_refresh_tokens"("expires_at");
