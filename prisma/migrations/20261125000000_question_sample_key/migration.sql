-- A random key per question, indexed per topic, kind and difficulty: starting an interview reads a seeded
-- window of candidates from this index instead of every question of the company's topics.
ALTER TABLE "Question" ADD COLUMN "sampleKey" DOUBLE PRECISION NOT NULL DEFAULT random();

CREATE INDEX "Question_topicId_kind_difficulty_sampleKey_idx" ON "Question"("topicId", "kind", "difficulty", "sampleKey");
