-- AlterTable
ALTER TABLE "replay_runs" ADD COLUMN     "dispatched_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "replay_run_items" (
    "run_id" TEXT NOT NULL,
    "pattern_revision_id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "finished_at" TIMESTAMP(3),
    "verdict" "Verdict",
    "output_hash" TEXT,

    CONSTRAINT "replay_run_items_pkey" PRIMARY KEY ("run_id","pattern_revision_id")
);

-- CreateTable
CREATE TABLE "replay_slots" (
    "model_version_id" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "holder" TEXT,
    "leased_until" TIMESTAMP(3),

    CONSTRAINT "replay_slots_pkey" PRIMARY KEY ("model_version_id","slot")
);

-- CreateIndex
CREATE INDEX "replay_run_items_pattern_revision_id_output_hash_idx" ON "replay_run_items"("pattern_revision_id", "output_hash");

-- CreateIndex
CREATE INDEX "replay_runs_status_dispatched_at_idx" ON "replay_runs"("status", "dispatched_at");

-- AddForeignKey
ALTER TABLE "replay_run_items" ADD CONSTRAINT "replay_run_items_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "replay_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
