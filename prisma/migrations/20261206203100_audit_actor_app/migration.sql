-- Third-party apps read and write as themselves (issue 16): the audit trail records actor_kind
-- 'app' with the client id as actor_id, so its kind checks admit it.
ALTER TABLE "audit"."access_log" DROP CONSTRAINT "access_log_actor_kind_check";
ALTER TABLE "audit"."access_log" ADD CONSTRAINT "access_log_actor_kind_check" CHECK ("actor_kind" IN ('user', 'service', 'anonymous', 'app'));
ALTER TABLE "audit"."access_log_pending" DROP CONSTRAINT "access_log_pending_actor_kind_check";
ALTER TABLE "audit"."access_log_pending" ADD CONSTRAINT "access_log_pending_actor_kind_check" CHECK ("actor_kind" IN ('user', 'service', 'anonymous', 'app'));
