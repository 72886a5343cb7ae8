-- Search: the words of the question bank, to suggest the nearest one for a word no question holds
-- ("middlware" -> middleware) and to read identifiers typed without their underscores ("selectrelated").
-- pg_trgm ranks by shared trigrams; fuzzystrmatch's levenshtein catches swapped letters trigrams miss
-- ("cahce"). Both are trusted contrib extensions: a database owner may create them, and the embedded
-- server ships them. docs/decisions/0014-search.md.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- Words a candidate could mean: letters (and underscores inside identifiers), 4 to 40 long, from every
-- field of the live questions, with the number of questions holding each. Refreshed after each seed or
-- import (lib/search/words.ts).
CREATE MATERIALIZED VIEW "SearchWord" AS
SELECT w.word, count(*)::int AS docs
FROM "Question" q
CROSS JOIN LATERAL (
    SELECT DISTINCT s AS word
    FROM regexp_split_to_table(
        lower(q.title || ' ' || mockroom_words(q."keyPoints") || ' ' || mockroom_words(q.tags) || ' ' || q.prompt || ' ' || q."modelAnswer"),
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
