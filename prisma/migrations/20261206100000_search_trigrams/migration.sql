-- Search: the words of the question bank, to suggest the nearest one for a word no question holds
-- ("middlware" -> middleware) and to read identifiers typed without their underscores ("selectrelated").
-- pg_trgm ranks by shared trigrams; fuzzystrmatch's levenshtein catches swapped letters trigrams miss
-- ("cahce"). Both are trusted contrib extensions: a database owner may create them, and the embedded
-- server ships them. docs/decisions/0014-search.md.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- Words a candidate could mean: letters (and underscores inside identifiers), 4 to 40 long, from the titles,
-- key points and tags of the live questions (the words questions are about; every field of 100,000 questions
-- took 70 s to read, these 5 s), with the number of questions holding each. Refreshed after each seed or
-- import (lib/search/refresh-words.ts).
CREATE MATERIALIZED VIEW "SearchWord" AS
SELECT w.word, count(*)::int AS docs
FROM "Question" q
CROSS JOIN LATERAL (
    SELECT DISTINCT s AS word
    FROM regexp_split_to_table(
        lower(q.title || ' ' || mockroom_words(q."keyPoints") || ' ' || mockroom_words(q.tags)),
        '[^[:alnum:]_]+'
    ) s
    WHERE s ~ '^[[:alpha:]][[:alpha:]_]{2,38}[[:alpha:]]$'
) w
WHERE q."archivedAt" IS NULL
GROUP BY w.word;

CREATE UNIQUE INDEX "SearchWord_word_key" ON "SearchWord" (word);
CREATE INDEX "SearchWord_word_trgm_idx" ON "SearchWord" USING GIN (word gin_trgm_ops);
-- Identifiers typed without underscores, and near-length words for the edit distance.
CREATE INDEX "SearchWord_joined_idx" ON "SearchWord" (replace(word, '_', ''));
CREATE INDEX "SearchWord_shape_idx" ON "SearchWord" (left(word, 1), length(word));

-- How many live questions hold each lexeme (the stemmed words of the "search" column), for ranking: a
-- term few questions hold says more about a question than one most hold (inverse document frequency).
-- The row with the empty lexeme holds the number of live questions. (Not ts_stat: its query is a string,
-- and PostgreSQL 17 refreshes a materialized view with a search_path that cannot see "Question".)
CREATE MATERIALIZED VIEW "SearchLexeme" AS
SELECT w AS lexeme, count(*)::int AS docs
FROM "Question" q CROSS JOIN LATERAL unnest(tsvector_to_array(q.search)) w
WHERE q."archivedAt" IS NULL
GROUP BY w
UNION ALL
SELECT '', count(*)::int FROM "Question" WHERE "archivedAt" IS NULL;

CREATE UNIQUE INDEX "SearchLexeme_lexeme_key" ON "SearchLexeme" (lexeme);
