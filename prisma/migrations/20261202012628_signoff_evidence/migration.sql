-- AlterTable
ALTER TABLE "sign_offs" ADD COLUMN     "baseline_model_version_id" TEXT,
ADD COLUMN     "broken" INTEGER,
ADD COLUMN     "comparison_verdict" TEXT,
ADD COLUMN     "evidence" JSONB,
ADD COLUMN     "fixed" INTEGER,
ADD COLUMN     "high" DOUBLE PRECISION,
ADD COLUMN     "low" DOUBLE PRECISION,
ADD COLUMN     "p_value" DOUBLE PRECISION,
ADD COLUMN     "results_fingerprint" TEXT,
ADD COLUMN     "target" DOUBLE PRECISION;
