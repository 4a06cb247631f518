-- The W3C traceparent of the request whose transaction wrote the row (NULL with tracing off, and for
-- older rows). The relay sends it as the Kafka message's traceparent header, so the consumers'
-- spans link to the booking's trace although the row is shipped later, outside that request.
ALTER TABLE "appointments"."outbox_events" ADD COLUMN "trace_parent" TEXT;
