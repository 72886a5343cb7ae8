-- Optional AI feedback (issue #25): a model's verdict on one answer, and the thread of its follow-ups.
CREATE TABLE "AiFeedback" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "interviewQuestionId" UUID,
    "practiceAnswerId" UUID,
    "parentId" UUID,
    "asked" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "output" JSONB NOT NULL,
    "model" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AiFeedback_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "AiFeedback_one_answer_check" CHECK (("interviewQuestionId" IS NULL) <> ("practiceAnswerId" IS NULL))
);

CREATE INDEX "AiFeedback_userId_createdAt_idx" ON "AiFeedback"("userId", "createdAt");
CREATE INDEX "AiFeedback_interviewQuestionId_createdAt_idx" ON "AiFeedback"("interviewQuestionId", "createdAt");
CREATE INDEX "AiFeedback_practiceAnswerId_createdAt_idx" ON "AiFeedback"("practiceAnswerId", "createdAt");
CREATE INDEX "AiFeedback_parentId_idx" ON "AiFeedback"("parentId");

ALTER TABLE "AiFeedback" ADD CONSTRAINT "AiFeedback_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AiFeedback" ADD CONSTRAINT "AiFeedback_interviewQuestionId_fkey" FOREIGN KEY ("interviewQuestionId") REFERENCES "InterviewQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AiFeedback" ADD CONSTRAINT "AiFeedback_practiceAnswerId_fkey" FOREIGN KEY ("practiceAnswerId") REFERENCES "PracticeAnswer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AiFeedback" ADD CONSTRAINT "AiFeedback_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "AiFeedback"("id") ON DELETE CASCADE ON UPDATE CASCADE;
