-- The clinical outbox (issue 18): clinical events written in the transaction of the change they
-- report (lab result entered/amended, vital signs recorded) and shipped to Kafka by the relay.
-- CreateTable
CREATE TABLE "clinical"."outbox_events" (
    "id" UUID NOT NULL,
    "sequence" BIGSERIAL NOT NULL,
    "patient_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "published_at" TIMESTAMPTZ(3),
    "trace_parent" TEXT,

    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id"),
    -- The contract's CLINICAL_EVENT_TYPES (@hospital/grpc-contracts clinical-event.ts).
    CONSTRAINT "outbox_events_type_check" CHECK ("type" IN ('LAB_RESULT_ENTERED', 'LAB_RESULT_AMENDED', 'VITALS_ABNORMAL', 'VITALS_RECORDED'))
);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_events_sequence_key" ON "clinical"."outbox_events"("sequence");

-- CreateIndex
CREATE INDEX "outbox_events_patient_id_idx" ON "clinical"."outbox_events"("patient_id");

-- The relay asks for the oldest unpublished rows every 100 ms; published rows leave this index.
CREATE INDEX "outbox_events_unpublished_idx" ON "clinical"."outbox_events" ("sequence") WHERE "published_at" IS NULL;
