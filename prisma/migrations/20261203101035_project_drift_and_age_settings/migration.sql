-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "drift_threshold" DOUBLE PRECISION DEFAULT 0.2,
ADD COLUMN     "max_model_age_days" INTEGER;
