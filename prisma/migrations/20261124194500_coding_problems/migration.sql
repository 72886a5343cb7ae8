-- AlterTable
ALTER TABLE "InterviewQuestion" ADD COLUMN     "testResults" JSONB,
ADD COLUMN     "testResultsAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "CodingProblem" (
    "questionId" UUID NOT NULL,
    "starterCode" TEXT NOT NULL,
    "solution" TEXT NOT NULL,
    "visibleTests" JSONB NOT NULL,
    "hiddenTests" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CodingProblem_pkey" PRIMARY KEY ("questionId")
);

-- AddForeignKey
ALTER TABLE "CodingProblem" ADD CONSTRAINT "CodingProblem_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

