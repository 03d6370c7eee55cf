-- Issue 15 item 7: a pattern's "polarity" (positive / negative) read like a sentiment
-- label; it becomes its "purpose": case (an instance of the problem) or control (a
-- look-alike that is not the problem). Renamed in place, so every row keeps its value:
-- positive -> case, negative -> control.
ALTER TYPE "Polarity" RENAME TO "PatternPurpose";
ALTER TYPE "PatternPurpose" RENAME VALUE 'positive' TO 'case';
ALTER TYPE "PatternPurpose" RENAME VALUE 'negative' TO 'control';
ALTER TABLE "patterns" RENAME COLUMN "polarity" TO "purpose";
