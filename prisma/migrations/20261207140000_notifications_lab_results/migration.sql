-- Lab result notifications (issue 18): a delivery and an in-app notification are about one
-- appointment (appointment events) or one lab order item (clinical events), never both or neither.
ALTER TABLE "notifications"."deliveries" ALTER COLUMN "appointment_id" DROP NOT NULL,
ADD COLUMN "lab_order_id" UUID;

ALTER TABLE "notifications"."notifications" ALTER COLUMN "appointment_id" DROP NOT NULL,
ADD COLUMN "lab_order_id" UUID;

-- Hand-written (Prisma cannot express it): exactly one subject.
ALTER TABLE "notifications"."deliveries" ADD CONSTRAINT "deliveries_one_subject" CHECK (num_nonnulls("appointment_id", "lab_order_id") = 1);
ALTER TABLE "notifications"."notifications" ADD CONSTRAINT "notifications_one_subject" CHECK (num_nonnulls("appointment_id", "lab_order_id") = 1);
