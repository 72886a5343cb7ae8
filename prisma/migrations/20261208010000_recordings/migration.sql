-- Spoken answers (issue #25): the audio of one interview answer or one practice answer, deleted with it.
CREATE TABLE "Recording" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "interviewQuestionId" UUID,
    "practiceAnswerId" UUID,
    "mimeType" TEXT NOT NULL,
    "audio" BYTEA NOT NULL,
    "bytes" INTEGER NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "pauses" JSONB NOT NULL,
    "transcript" TEXT,
    "transcribedBy" TEXT,
    "spokenWords" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Recording_pkey" PRIMARY KEY ("id"),
    -- Exactly one answer owns it.
    CONSTRAINT "Recording_one_answer_check" CHECK (("interviewQuestionId" IS NULL) <> ("practiceAnswerId" IS NULL)),
    CONSTRAINT "Recording_size_check" CHECK ("bytes" = octet_length("audio") AND "durationMs" BETWEEN 0 AND 300000)
);

CREATE UNIQUE INDEX "Recording_interviewQuestionId_key" ON "Recording"("interviewQuestionId");
CREATE UNIQUE INDEX "Recording_practiceAnswerId_key" ON "Recording"("practiceAnswerId");
CREATE INDEX "Recording_userId_createdAt_idx" ON "Recording"("userId", "createdAt");

ALTER TABLE "Recording" ADD CONSTRAINT "Recording_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Recording" ADD CONSTRAINT "Recording_interviewQuestionId_fkey" FOREIGN KEY ("interviewQuestionId") REFERENCES "InterviewQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Recording" ADD CONSTRAINT "Recording_practiceAnswerId_fkey" FOREIGN KEY ("practiceAnswerId") REFERENCES "PracticeAnswer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
