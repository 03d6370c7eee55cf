-- CreateEnum
CREATE TYPE "WebhookFormat" AS ENUM ('json', 'slack');

-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('pending', 'delivered', 'failed');

-- CreateEnum
CREATE TYPE "NowTestStatus" AS ENUM ('running', 'completed', 'failed');

-- AlterEnum
ALTER TYPE "ReplayTrigger" ADD VALUE 'now_test';

-- CreateTable
CREATE TABLE "webhooks" (
    "id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "format" "WebhookFormat" NOT NULL,
    "events" TEXT[],
    "secret" BYTEA NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhooks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project_events" (
    "id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "dedupe_key" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "project_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "webhook_id" TEXT NOT NULL,
    "project_event_id" TEXT,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "response_status" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispatched_at" TIMESTAMP(3),
    "last_attempt_at" TIMESTAMP(3),
    "delivered_at" TIMESTAMP(3),

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "replay_run_finishes" (
    "run_id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "status" "ReplayStatus" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMP(3),

    CONSTRAINT "replay_run_finishes_pkey" PRIMARY KEY ("run_id")
);

-- CreateTable
CREATE TABLE "model_version_alert_states" (
    "model_version_id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "gate_decision" TEXT,
    "over_target_problem_ids" TEXT[],
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "model_version_alert_states_pkey" PRIMARY KEY ("model_version_id")
);

-- CreateTable
CREATE TABLE "now_test_schedules" (
    "project_id" TEXT NOT NULL,
    "cron" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "next_run_at" TIMESTAMP(3),
    "last_run_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "now_test_schedules_pkey" PRIMARY KEY ("project_id")
);

-- CreateTable
CREATE TABLE "now_tests" (
    "id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "model_version_id" TEXT NOT NULL,
    "replay_run_id" TEXT NOT NULL,
    "status" "NowTestStatus" NOT NULL DEFAULT 'running',
    "connector_revision" INTEGER NOT NULL,
    "compared" INTEGER NOT NULL DEFAULT 0,
    "changed_outputs" TEXT[],
    "crossed_target" TEXT[],
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "now_tests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "now_test_baselines" (
    "now_test_id" TEXT NOT NULL,
    "pattern_revision_id" TEXT NOT NULL,
    "pattern_id" TEXT NOT NULL,
    "problem_id" TEXT NOT NULL,
    "output_hash" TEXT,
    "verdict" "Verdict",
    "connector_revision" INTEGER NOT NULL,

    CONSTRAINT "now_test_baselines_pkey" PRIMARY KEY ("now_test_id","pattern_revision_id")
);

-- CreateIndex
CREATE INDEX "webhooks_project_id_created_at_idx" ON "webhooks"("project_id", "created_at");

-- CreateIndex
CREATE INDEX "project_events_project_id_created_at_idx" ON "project_events"("project_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "project_events_project_id_event_dedupe_key_key" ON "project_events"("project_id", "event", "dedupe_key");

-- CreateIndex
CREATE INDEX "webhook_deliveries_webhook_id_created_at_idx" ON "webhook_deliveries"("webhook_id", "created_at");

-- CreateIndex
CREATE INDEX "webhook_deliveries_dispatched_at_idx" ON "webhook_deliveries"("dispatched_at");

-- CreateIndex
CREATE INDEX "replay_run_finishes_processed_at_idx" ON "replay_run_finishes"("processed_at");

-- CreateIndex
CREATE INDEX "now_test_schedules_enabled_next_run_at_idx" ON "now_test_schedules"("enabled", "next_run_at");

-- CreateIndex
CREATE UNIQUE INDEX "now_tests_replay_run_id_key" ON "now_tests"("replay_run_id");

-- CreateIndex
CREATE INDEX "now_tests_model_version_id_created_at_idx" ON "now_tests"("model_version_id", "created_at");

-- AddForeignKey
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_project_event_id_fkey" FOREIGN KEY ("project_event_id") REFERENCES "project_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "now_test_schedules" ADD CONSTRAINT "now_test_schedules_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "now_tests" ADD CONSTRAINT "now_tests_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "now_test_baselines" ADD CONSTRAINT "now_test_baselines_now_test_id_fkey" FOREIGN KEY ("now_test_id") REFERENCES "now_tests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A run reaching completed or failed leaves a row for the alerts sweep (lib/alerts), in the
-- transaction that finished it: no finish is lost or seen twice, and the replay engine's
-- statements stay as they are (the WHEN clause is all the other updates pay).
CREATE FUNCTION record_replay_run_finish() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO replay_run_finishes (run_id, project_id, status)
  VALUES (NEW.id, NEW.project_id, NEW.status)
  ON CONFLICT (run_id) DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER replay_run_finish_after_update AFTER UPDATE OF status ON replay_runs
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status AND NEW.status IN ('completed', 'failed'))
  EXECUTE FUNCTION record_replay_run_finish();
CREATE TRIGGER replay_run_finish_after_insert AFTER INSERT ON replay_runs
  FOR EACH ROW WHEN (NEW.status IN ('completed', 'failed'))
  EXECUTE FUNCTION record_replay_run_finish();
