-- Notifications department: received appointment events (the consumer's inbox), deliveries (the
-- service's own outbox, one row per event, channel and recipient) with every attempt, and the
-- in-app inbox. Only ids of other departments' records are held.
CREATE SCHEMA IF NOT EXISTS "notifications";

-- CreateEnum
CREATE TYPE "notifications"."NotificationChannel" AS ENUM ('email', 'sms', 'in_app');

-- CreateEnum
CREATE TYPE "notifications"."NotificationRecipientKind" AS ENUM ('patient', 'doctor');

-- CreateEnum
CREATE TYPE "notifications"."NotificationDeliveryStatus" AS ENUM ('pending', 'sent', 'failed', 'skipped');

-- CreateEnum
CREATE TYPE "notifications"."NotificationAttemptOutcome" AS ENUM ('sent', 'failed', 'skipped');

-- CreateEnum
CREATE TYPE "notifications"."NotificationEventOutcome" AS ENUM ('processed', 'poison');

-- CreateTable
CREATE TABLE "notifications"."received_events" (
    "event_id" UUID NOT NULL,
    "sequence" BIGINT NOT NULL,
    "event_type" TEXT NOT NULL,
    "appointment_id" UUID,
    "outcome" "notifications"."NotificationEventOutcome" NOT NULL,
    "error" TEXT,
    "payload" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "received_events_pkey" PRIMARY KEY ("event_id")
);

-- CreateTable
CREATE TABLE "notifications"."deliveries" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "event_type" TEXT NOT NULL,
    "appointment_id" UUID NOT NULL,
    "channel" "notifications"."NotificationChannel" NOT NULL,
    "recipient_kind" "notifications"."NotificationRecipientKind" NOT NULL,
    "recipient_id" UUID NOT NULL,
    "address" TEXT,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "notifications"."NotificationDeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempt_count" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications"."delivery_attempts" (
    "id" UUID NOT NULL,
    "delivery_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "outcome" "notifications"."NotificationAttemptOutcome" NOT NULL,
    "error" TEXT,
    "attempted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "delivery_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications"."notifications" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "delivery_id" UUID NOT NULL,
    "event_type" TEXT NOT NULL,
    "appointment_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "received_events_outcome_received_at_idx" ON "notifications"."received_events"("outcome", "received_at");

-- CreateIndex
CREATE INDEX "deliveries_created_at_id_idx" ON "notifications"."deliveries"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "deliveries_status_created_at_id_idx" ON "notifications"."deliveries"("status", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "deliveries_status_next_attempt_at_idx" ON "notifications"."deliveries"("status", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "deliveries_event_id_channel_recipient_id_key" ON "notifications"."deliveries"("event_id", "channel", "recipient_id");

-- CreateIndex
CREATE UNIQUE INDEX "delivery_attempts_delivery_id_number_key" ON "notifications"."delivery_attempts"("delivery_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_delivery_id_key" ON "notifications"."notifications"("delivery_id");

-- CreateIndex
CREATE INDEX "notifications_user_id_created_at_id_idx" ON "notifications"."notifications"("user_id", "created_at" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "notifications"."delivery_attempts" ADD CONSTRAINT "delivery_attempts_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "notifications"."deliveries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications"."notifications" ADD CONSTRAINT "notifications_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "notifications"."deliveries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: rules Prisma cannot express.
-- In-app deliveries have no address; email and SMS always do.
ALTER TABLE "notifications"."deliveries" ADD CONSTRAINT "deliveries_address_matches_channel_check"
  CHECK (("channel" = 'in_app') = ("address" IS NULL));
-- Attempts are counted from zero; a pending delivery always has a due time, a final one none.
ALTER TABLE "notifications"."deliveries" ADD CONSTRAINT "deliveries_attempt_count_check" CHECK ("attempt_count" >= 0);
ALTER TABLE "notifications"."deliveries" ADD CONSTRAINT "deliveries_next_attempt_check"
  CHECK (("status" = 'pending') = ("next_attempt_at" IS NOT NULL));
-- Sent deliveries, and only they, carry the time they were sent.
ALTER TABLE "notifications"."deliveries" ADD CONSTRAINT "deliveries_sent_at_check" CHECK (("status" = 'sent') = ("sent_at" IS NOT NULL));
ALTER TABLE "notifications"."delivery_attempts" ADD CONSTRAINT "delivery_attempts_number_check" CHECK ("number" >= 1);
-- A poison event says why it was refused.
ALTER TABLE "notifications"."received_events" ADD CONSTRAINT "received_events_poison_reason_check"
  CHECK ("outcome" <> 'poison' OR "error" IS NOT NULL);
