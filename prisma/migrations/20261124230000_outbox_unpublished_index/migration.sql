-- The outbox relay asks for the oldest unpublished rows every 100 ms; without this index each
-- round scans the whole (ever-growing) outbox. Partial: published rows leave the index.
CREATE INDEX IF NOT EXISTS "outbox_events_unpublished_idx" ON "appointments"."outbox_events" ("sequence") WHERE "published_at" IS NULL;
