-- Key-point rubrics (issue #20): what an interviewer listens for in each key point, filled by the loader from
-- seed/ (authored) or by the importer (derived from the sentences). Until then a question is scored with rubrics
-- derived on the fly (lib/scoring/derive.ts), which the default here says.
ALTER TABLE "Question" ADD COLUMN     "rubric" JSONB NOT NULL DEFAULT '{"points": [], "derived": true}';

-- Which scorer and rubrics the stored coverage was computed with: `npm run rescore` (also run by the seed step
-- of `npm start`) re-scores stored answers when it differs, and records it here. One row.
CREATE TABLE "ScoringState" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "fingerprint" TEXT NOT NULL,
    "rescoredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ScoringState_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ScoringState_one_row" CHECK ("id" = 1)
);
