-- AlterTable
ALTER TABLE "model_versions" ADD COLUMN     "connector_revision" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "results" ADD COLUMN     "connector_revision" INTEGER NOT NULL DEFAULT 1;
