-- Third-party apps as OAuth clients (issue 16): registrations (secret digest or public JWK set,
-- allowed scopes and origins, revocation) and the jti of client assertions already used (RFC 7523
-- replay protection, pruned after they expire).
-- CreateTable
CREATE TABLE "identity"."client_apps" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "allowed_scopes" TEXT[],
    "allowed_origins" TEXT[],
    "secret_hash" TEXT,
    "jwks" JSONB,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "secret_rotated_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "client_apps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."client_assertion_uses" (
    "client_id" UUID NOT NULL,
    "jti" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "client_assertion_uses_pkey" PRIMARY KEY ("client_id","jti")
);

-- CreateIndex
CREATE INDEX "client_apps_created_at_id_idx" ON "identity"."client_apps"("created_at", "id");

-- CreateIndex
CREATE INDEX "client_apps_revoked_at_idx" ON "identity"."client_apps"("revoked_at");

-- CreateIndex
CREATE INDEX "client_assertion_uses_expires_at_idx" ON "identity"."client_assertion_uses"("expires_at");


