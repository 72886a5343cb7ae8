-- "Report a problem" (issue #24): a user's report on a question, and an admin's resolution with a reply.
CREATE TYPE "ReportReason" AS ENUM ('WRONG_ANSWER', 'UNCLEAR', 'TYPO', 'DUPLICATE', 'OTHER');
CREATE TYPE "ReportStatus" AS ENUM ('OPEN', 'RESOLVED', 'DISMISSED');

CREATE TABLE "Report" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "questionId" UUID NOT NULL,
    "reason" "ReportReason" NOT NULL,
    "details" TEXT NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'OPEN',
    "reply" TEXT,
    "closedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),
    CONSTRAINT "Report_pkey" PRIMARY KEY ("id"),
    -- A closed report says when (the admin queue lists closed ones by it).
    CONSTRAINT "Report_closed_at_check" CHECK (("status" = 'OPEN') = ("closedAt" IS NULL))
);

CREATE INDEX "Report_status_createdAt_idx" ON "Report"("status", "createdAt");
CREATE INDEX "Report_userId_questionId_createdAt_idx" ON "Report"("userId", "questionId", "createdAt");
CREATE INDEX "Report_questionId_idx" ON "Report"("questionId");
CREATE INDEX "Report_closedById_idx" ON "Report"("closedById");
-- One open report per user and question: a second one while the first waits is a 409 (lib/data/reports.ts).
CREATE UNIQUE INDEX "Report_one_open_key" ON "Report"("userId", "questionId") WHERE "status" = 'OPEN';

ALTER TABLE "Report" ADD CONSTRAINT "Report_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Report" ADD CONSTRAINT "Report_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Report" ADD CONSTRAINT "Report_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
