-- AlterTable
ALTER TABLE "api_tokens" ADD COLUMN     "project_ids" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "captures" ADD COLUMN     "note" TEXT,
ADD COLUMN     "rating" DOUBLE PRECISION;
