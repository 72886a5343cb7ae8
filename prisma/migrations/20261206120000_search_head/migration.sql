-- Search at scale (docs/decisions/0016-search-at-scale.md): a search reads a bounded set of candidates, not every
-- question holding a word. Two ways to find them cheaply:
--
-- "head": what a question is about (title A, key points and tags B), a small tsvector kept in the row (a few
-- hundred bytes; "search" with the prompt and model answer is TOASTed and compressed, and reading it costs
-- more than the rank). Its GIN index finds the questions holding every word in what they are about.
ALTER TABLE "Question" ADD COLUMN "head" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, "title"), 'A') ||
    setweight(to_tsvector('english'::regconfig, mockroom_words("keyPoints") || ' ' || mockroom_words("tags")), 'B')
) STORED;
CREATE INDEX "Question_head_idx" ON "Question" USING GIN ("head");

-- "SearchPosting": for each word of a live question's head, the rank that word alone gives the question
-- (ts_rank over the whole document, the weights of lib/search/rank.ts), with a B-tree read in rank order: the
-- best questions for a common word are the first rows of its index, however many questions hold it. Refreshed
-- with "SearchWord" and "SearchLexeme" after each seed, import or generation (lib/search/refresh-words.ts).
CREATE MATERIALIZED VIEW "SearchPosting" AS
SELECT w AS lexeme, q.id AS "questionId",
       ts_rank('{0.05, 0.2, 0.6, 1.0}'::float4[], q.search, quote_literal(w)::tsquery, 0) AS score
FROM "Question" q CROSS JOIN LATERAL unnest(tsvector_to_array(q.head)) w
WHERE q."archivedAt" IS NULL;

CREATE INDEX "SearchPosting_lexeme_score_idx" ON "SearchPosting" (lexeme, score DESC, "questionId");
