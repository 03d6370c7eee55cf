-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'engineer', 'tester', 'stakeholder');

-- CreateEnum
CREATE TYPE "TokenScope" AS ENUM ('read', 'write', 'capture', 'gate');

-- CreateEnum
CREATE TYPE "OutputKind" AS ENUM ('label', 'number', 'text', 'json');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('critical', 'high', 'medium', 'low');

-- CreateEnum
CREATE TYPE "ProblemStatus" AS ENUM ('open', 'monitoring', 'resolved', 'wont_fix');

-- CreateEnum
CREATE TYPE "Polarity" AS ENUM ('positive', 'negative');

-- CreateEnum
CREATE TYPE "PatternOrigin" AS ENUM ('production', 'contrived');

-- CreateEnum
CREATE TYPE "InputKind" AS ENUM ('json', 'text', 'image');

-- CreateEnum
CREATE TYPE "CaptureStatus" AS ENUM ('inbox', 'triaged', 'dismissed');

-- CreateEnum
CREATE TYPE "ModelStatus" AS ENUM ('candidate', 'production', 'retired', 'rejected');

-- CreateEnum
CREATE TYPE "ConnectorKind" AS ENUM ('openinference', 'tfserving', 'mlflow', 'openai', 'http', 'onnx', 'predictions');

-- CreateEnum
CREATE TYPE "ArtifactKind" AS ENUM ('onnx', 'predictions');

-- CreateEnum
CREATE TYPE "ReplayTrigger" AS ENUM ('model_registered', 'patterns_changed', 'manual', 'api', 'schedule', 'seed');

-- CreateEnum
CREATE TYPE "ReplayStatus" AS ENUM ('queued', 'running', 'completed', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "Verdict" AS ENUM ('pass', 'fail', 'error');

-- CreateEnum
CREATE TYPE "SignOffDecision" AS ENUM ('approve', 'reject');

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" "Role" NOT NULL DEFAULT 'stakeholder',
    "disabled_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "access_token" TEXT,
    "refresh_token" TEXT,
    "id_token" TEXT,
    "access_token_expires_at" TIMESTAMP(3),
    "refresh_token_expires_at" TIMESTAMP(3),
    "scope" TEXT,
    "password" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verifications" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "window_start" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "invites" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "accepted_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invites_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scopes" "TokenScope"[],
    "expires_at" TIMESTAMP(3),
    "last_used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "projects" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "output_kind" "OutputKind" NOT NULL,
    "key_prefix" TEXT NOT NULL,
    "next_problem_number" INTEGER NOT NULL DEFAULT 1,
    "input_schema" JSONB,
    "labels" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "lock_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "projects_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "problems" (
    "id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "severity" "Severity" NOT NULL,
    "status" "ProblemStatus" NOT NULL DEFAULT 'open',
    "origin" TEXT NOT NULL DEFAULT '',
    "owner_id" TEXT,
    "target" DOUBLE PRECISION NOT NULL,
    "lock_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "problems_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "patterns" (
    "id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "problem_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "polarity" "Polarity" NOT NULL,
    "origin" "PatternOrigin" NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "current_revision_id" TEXT,
    "archived_at" TIMESTAMP(3),
    "lock_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "patterns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pattern_revisions" (
    "id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "pattern_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "input_kind" "InputKind" NOT NULL,
    "input" JSONB NOT NULL,
    "input_hash" TEXT NOT NULL,
    "expectation" JSONB NOT NULL,
    "attachment_id" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pattern_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachments" (
    "id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "data" BYTEA NOT NULL,
    "thumbnail" BYTEA,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "captures" (
    "id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "output" JSONB,
    "metadata" JSONB,
    "status" "CaptureStatus" NOT NULL DEFAULT 'inbox',
    "pattern_id" TEXT,
    "created_by_id" TEXT,
    "triaged_by_id" TEXT,
    "triaged_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "captures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_versions" (
    "id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "status" "ModelStatus" NOT NULL DEFAULT 'candidate',
    "connector_kind" "ConnectorKind" NOT NULL,
    "connector" JSONB NOT NULL,
    "connector_secrets" BYTEA,
    "artifact_id" TEXT,
    "artifact_checksum" TEXT,
    "trained_at" TIMESTAMP(3),
    "metrics" JSONB,
    "source_url" TEXT,
    "concurrency" INTEGER NOT NULL DEFAULT 4,
    "timeout_ms" INTEGER NOT NULL DEFAULT 10000,
    "lock_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "model_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_artifacts" (
    "id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "kind" "ArtifactKind" NOT NULL,
    "filename" TEXT NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_artifacts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "replay_runs" (
    "id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "model_version_id" TEXT NOT NULL,
    "trigger" "ReplayTrigger" NOT NULL,
    "status" "ReplayStatus" NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL DEFAULT 0,
    "passed" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "errored" INTEGER NOT NULL DEFAULT 0,
    "ungraded" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "replay_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "results" (
    "id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "problem_id" TEXT NOT NULL,
    "pattern_id" TEXT NOT NULL,
    "pattern_revision_id" TEXT NOT NULL,
    "model_version_id" TEXT NOT NULL,
    "replay_run_id" TEXT,
    "output" JSONB,
    "output_hash" TEXT,
    "verdict" "Verdict",
    "error_reason" TEXT,
    "latency_ms" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "results_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "human_grades" (
    "id" TEXT NOT NULL,
    "pattern_revision_id" TEXT NOT NULL,
    "output_hash" TEXT NOT NULL,
    "output" JSONB NOT NULL,
    "verdict" "Verdict" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "graded_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "human_grades_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_offs" (
    "id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "problem_id" TEXT NOT NULL,
    "model_version_id" TEXT NOT NULL,
    "decision" "SignOffDecision" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "error_rate" DOUBLE PRECISION,
    "n" INTEGER NOT NULL,
    "passed" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,
    "errored" INTEGER NOT NULL,
    "pattern_set_fingerprint" TEXT NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_offs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "project_id" TEXT,
    "actor_id" TEXT,
    "token_id" TEXT,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "data" JSONB,
    "ip" TEXT,
    "user_agent" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_key" ON "sessions"("token");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "accounts_user_id_idx" ON "accounts"("user_id");

-- CreateIndex
CREATE INDEX "verifications_identifier_idx" ON "verifications"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "invites_token_hash_key" ON "invites"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "projects_slug_key" ON "projects"("slug");

-- CreateIndex
CREATE INDEX "problems_project_id_severity_status_idx" ON "problems"("project_id", "severity", "status");

-- CreateIndex
CREATE UNIQUE INDEX "problems_project_id_number_key" ON "problems"("project_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "problems_project_id_key_key" ON "problems"("project_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "patterns_current_revision_id_key" ON "patterns"("current_revision_id");

-- CreateIndex
CREATE INDEX "patterns_problem_id_archived_at_idx" ON "patterns"("problem_id", "archived_at");

-- CreateIndex
CREATE INDEX "patterns_project_id_archived_at_idx" ON "patterns"("project_id", "archived_at");

-- CreateIndex
CREATE INDEX "pattern_revisions_project_id_input_hash_idx" ON "pattern_revisions"("project_id", "input_hash");

-- CreateIndex
CREATE UNIQUE INDEX "pattern_revisions_pattern_id_number_key" ON "pattern_revisions"("pattern_id", "number");

-- CreateIndex
CREATE INDEX "attachments_project_id_sha256_idx" ON "attachments"("project_id", "sha256");

-- CreateIndex
CREATE INDEX "captures_project_id_status_created_at_idx" ON "captures"("project_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "model_versions_project_id_created_at_idx" ON "model_versions"("project_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "model_versions_project_id_name_version_key" ON "model_versions"("project_id", "name", "version");

-- CreateIndex
CREATE INDEX "replay_runs_model_version_id_created_at_idx" ON "replay_runs"("model_version_id", "created_at");

-- CreateIndex
CREATE INDEX "replay_runs_project_id_status_idx" ON "replay_runs"("project_id", "status");

-- CreateIndex
CREATE INDEX "results_pattern_revision_id_idx" ON "results"("pattern_revision_id");

-- CreateIndex
CREATE INDEX "results_project_id_model_version_id_problem_id_idx" ON "results"("project_id", "model_version_id", "problem_id");

-- CreateIndex
CREATE INDEX "results_replay_run_id_idx" ON "results"("replay_run_id");

-- CreateIndex
CREATE UNIQUE INDEX "results_model_version_id_pattern_revision_id_key" ON "results"("model_version_id", "pattern_revision_id");

-- CreateIndex
CREATE UNIQUE INDEX "human_grades_pattern_revision_id_output_hash_key" ON "human_grades"("pattern_revision_id", "output_hash");

-- CreateIndex
CREATE INDEX "sign_offs_problem_id_model_version_id_created_at_idx" ON "sign_offs"("problem_id", "model_version_id", "created_at");

-- CreateIndex
CREATE INDEX "sign_offs_project_id_model_version_id_idx" ON "sign_offs"("project_id", "model_version_id");

-- CreateIndex
CREATE INDEX "audit_events_project_id_created_at_idx" ON "audit_events"("project_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_events_entity_type_entity_id_idx" ON "audit_events"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_events_action_created_at_idx" ON "audit_events"("action", "created_at");

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invites" ADD CONSTRAINT "invites_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problems" ADD CONSTRAINT "problems_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problems" ADD CONSTRAINT "problems_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patterns" ADD CONSTRAINT "patterns_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patterns" ADD CONSTRAINT "patterns_problem_id_fkey" FOREIGN KEY ("problem_id") REFERENCES "problems"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patterns" ADD CONSTRAINT "patterns_current_revision_id_fkey" FOREIGN KEY ("current_revision_id") REFERENCES "pattern_revisions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pattern_revisions" ADD CONSTRAINT "pattern_revisions_pattern_id_fkey" FOREIGN KEY ("pattern_id") REFERENCES "patterns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pattern_revisions" ADD CONSTRAINT "pattern_revisions_attachment_id_fkey" FOREIGN KEY ("attachment_id") REFERENCES "attachments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "captures" ADD CONSTRAINT "captures_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "captures" ADD CONSTRAINT "captures_pattern_id_fkey" FOREIGN KEY ("pattern_id") REFERENCES "patterns"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_artifact_id_fkey" FOREIGN KEY ("artifact_id") REFERENCES "model_artifacts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_artifacts" ADD CONSTRAINT "model_artifacts_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "replay_runs" ADD CONSTRAINT "replay_runs_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "replay_runs" ADD CONSTRAINT "replay_runs_model_version_id_fkey" FOREIGN KEY ("model_version_id") REFERENCES "model_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "results" ADD CONSTRAINT "results_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "results" ADD CONSTRAINT "results_problem_id_fkey" FOREIGN KEY ("problem_id") REFERENCES "problems"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "results" ADD CONSTRAINT "results_pattern_id_fkey" FOREIGN KEY ("pattern_id") REFERENCES "patterns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "results" ADD CONSTRAINT "results_pattern_revision_id_fkey" FOREIGN KEY ("pattern_revision_id") REFERENCES "pattern_revisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "results" ADD CONSTRAINT "results_model_version_id_fkey" FOREIGN KEY ("model_version_id") REFERENCES "model_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "results" ADD CONSTRAINT "results_replay_run_id_fkey" FOREIGN KEY ("replay_run_id") REFERENCES "replay_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "human_grades" ADD CONSTRAINT "human_grades_pattern_revision_id_fkey" FOREIGN KEY ("pattern_revision_id") REFERENCES "pattern_revisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "human_grades" ADD CONSTRAINT "human_grades_graded_by_id_fkey" FOREIGN KEY ("graded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sign_offs" ADD CONSTRAINT "sign_offs_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sign_offs" ADD CONSTRAINT "sign_offs_problem_id_fkey" FOREIGN KEY ("problem_id") REFERENCES "problems"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sign_offs" ADD CONSTRAINT "sign_offs_model_version_id_fkey" FOREIGN KEY ("model_version_id") REFERENCES "model_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sign_offs" ADD CONSTRAINT "sign_offs_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
