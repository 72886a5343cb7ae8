// Synthetic questions for search tests at scale, from the benchmark's vocabulary and text lengths
// (bench/generate.ts), written inside PostgreSQL. Tagged source 'synthetic'.
import pg from "pg";
import { FILLER, WORDS, words } from "../../bench/generate";

const POOL = 4_999;

export async function addSyntheticQuestions(url: string, count: number): Promise<void> {
  // One connection of its own, without the app's statement timeout: temporary tables live in one session.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create temporary table w as select $1::text[] as v, $2::text[] as f`, [WORDS, FILLER]);
    await client.query(`create temporary table pool as
      select i, ${words("i * 3 + 1", "15 + i % 20")} as short, ${words("i * 3 + 2", "75 + i % 100")} as long
      from generate_series(0, ${POOL - 1}) i cross join w`);
    // Built with the text-search index dropped, then rebuilt: one sorted build beats one index insert per row.
    await client.query(`drop index "Question_search_idx"`);
    await client.query(`
      insert into "Question" (id, slug, title, prompt, "modelAnswer", "keyPoints", difficulty, kind, "topicId", tags, "estimatedMinutes", source, "updatedAt")
      select gen_random_uuid(), 'synthetic-' || g,
             initcap(array_to_string(array(select (w.v)[1 + (g * 7919 + wi * 104729) % ${WORDS.length}] from generate_series(1, 3 + g % 3) wi), ' ')) || '?',
             p1.short || ' ' || p2.short, a1.long || ' ' || a2.long,
             array[${words("g + 3", 3)}, ${words("g + 4", 3)}, ${words("g + 5", 2)}],
             (array['EASY','MEDIUM','HARD'])[1 + g % 3]::"Difficulty", 'WRITTEN',
             t.id, array['synthetic', (w.v)[1 + g % ${WORDS.length}]], 5, 'synthetic', now()
      from generate_series(1, ${count}) g cross join w
      join pool p1 on p1.i = g % ${POOL} join pool p2 on p2.i = (g / ${POOL} + g * 17) % ${POOL}
      join pool a1 on a1.i = (g * 7) % ${POOL} join pool a2 on a2.i = (g / ${POOL} + g * 31 + 1) % ${POOL}
      join (select id, row_number() over (order by "order", slug) - 1 as n from "Topic") t on t.n = g % 5`);
    await client.query(`create index "Question_search_idx" on "Question" using gin (search)`);
    await client.query(
      `refresh materialized view "SearchWord"; refresh materialized view "SearchLexeme"; refresh materialized view "SearchPosting"; analyze`,
    );
  } finally {
    await client.end();
  }
}
