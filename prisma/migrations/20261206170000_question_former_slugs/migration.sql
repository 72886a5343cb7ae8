-- Slugs of questions merged into a kept one (issue #23): old pages and API answers redirect to it (301).
ALTER TABLE "Question" ADD COLUMN "formerSlugs" TEXT[] DEFAULT ARRAY[]::TEXT[];

CREATE INDEX "Question_formerSlugs_idx" ON "Question" USING GIN ("formerSlugs");
