-- Sign-in throttling per (email, address), per address and per account, replacing the hard lockout;
-- revoked sessions indexed for the router's revocation poll.
-- CreateTable
CREATE TABLE "identity"."login_throttles" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "window_started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "blocked_until" TIMESTAMPTZ(3),
    "last_success_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_throttles_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "login_throttles_updated_at_idx" ON "identity"."login_throttles"("updated_at");

-- CreateIndex
CREATE INDEX "refresh_tokens_revoked_at_idx" ON "identity"."refresh_tokens"("revoked_at");
