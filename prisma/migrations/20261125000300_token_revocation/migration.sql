-- Token revocation: access tokens issued at or before users.tokens_valid_after are refused by the router.
-- AlterTable
ALTER TABLE "identity"."users" ADD COLUMN     "tokens_valid_after" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "users_tokens_valid_after_idx" ON "identity"."users"("tokens_valid_after");
