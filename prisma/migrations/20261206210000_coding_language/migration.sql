-- Coding problems in SQL as well as Python: each runs in its language's runner in the browser (PGlite for SQL).
CREATE TYPE "CodeLanguage" AS ENUM ('PYTHON', 'SQL');
ALTER TABLE "CodingProblem" ADD COLUMN "language" "CodeLanguage" NOT NULL DEFAULT 'PYTHON';
