-- Authoring in the browser (issue #24): questions count their content changes (an edit against an older one is
-- a 409), remember an edit made in the app (the seed then keeps it), and keep their history.
ALTER TABLE "Question" ADD COLUMN "revision" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Question" ADD COLUMN "editedAt" TIMESTAMPTZ(3);

CREATE TABLE "QuestionRevision" (
    "id" UUID NOT NULL,
    "questionId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "authorId" UUID,
    "reason" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuestionRevision_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "QuestionRevision_questionId_number_key" ON "QuestionRevision"("questionId", "number");
CREATE INDEX "QuestionRevision_authorId_idx" ON "QuestionRevision"("authorId");

ALTER TABLE "QuestionRevision" ADD CONSTRAINT "QuestionRevision_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "QuestionRevision" ADD CONSTRAINT "QuestionRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
