-- AlterTable
ALTER TABLE "problems" ADD COLUMN     "ratchet" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "gate_policy" JSONB NOT NULL DEFAULT '{}';
