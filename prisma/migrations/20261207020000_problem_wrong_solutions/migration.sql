-- A coding problem's recorded wrong solutions live in the database too (issue #24): the admin editor runs them
-- ("each must fail a test") and the export writes them back to seed/problems.
ALTER TABLE "CodingProblem" ADD COLUMN "wrongSolutions" JSONB NOT NULL DEFAULT '[]';
