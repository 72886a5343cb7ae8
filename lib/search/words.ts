import "server-only";
// The bank's words ("SearchWord", a materialized view: prisma/migrations/20261206100000_search_trigrams), for
// "Did you mean". A word no question holds is replaced by the one a candidate most likely meant.
import { sharedCache } from "../cache";
import { db } from "../db/client";
import { env } from "../env";
/** Edits a word of this length may be away from the one meant: one in a short word, two from five letters. */
export const allowedEdits = (length: number) => (length >= 5 ? 2 : 1);

/**
 * The known word nearest to `word` (lower case), or null: the same identifier without its underscores
 * first, then the fewest edits (within allowedEdits, or trigram similarity of at least 0.45), then the
 * most similar by trigrams, then the most common. Candidates come from two indexes: trigrams, and words
 * of nearly the same length starting with the same letter (swapped letters share few trigrams).
 */
export function nearestWord(word: string): Promise<string | null> {
  // The answer depends on the bank's words alone: kept like the bank's other content.
  return nearest.get(word, () => findNearestWord(word));
}

const nearest = sharedCache<string | null>("search-nearest-words", {
  ttlMs: () => env().CONTENT_CACHE_SECONDS * 1000,
  max: 5_000,
});

async function findNearestWord(word: string): Promise<string | null> {
  const rows = await db().$queryRaw<{ word: string }[]>`
    with candidates as (
      (select word, docs from "SearchWord" where replace(word, '_', '') = ${word} limit 1)
      union
      (select word, docs from "SearchWord" where word % ${word})
      union
      (select word, docs from "SearchWord"
       where left(word, 1) = left(${word}, 1) and length(word) between length(${word}) - 2 and length(${word}) + 2)
    )
    select word from candidates
    where word <> ${word}
      and (replace(word, '_', '') = ${word} or levenshtein(word, ${word}) <= ${allowedEdits(word.length)} or similarity(word, ${word}) >= 0.45)
    order by replace(word, '_', '') = ${word} desc, levenshtein(word, ${word}), similarity(word, ${word}) desc, docs desc, word
    limit 1`;
  return rows[0]?.word ?? null;
}
