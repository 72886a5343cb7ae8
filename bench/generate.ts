// Synthetic data at scale for the benchmark, generated inside PostgreSQL (INSERT … SELECT over
// generate_series: no rows cross the wire). Text is built from a technical vocabulary so lengths, word
// frequencies and search selectivity look like the real bank's.
import pg from "pg";

export type Scale = {
  questions: number;
  topics: number;
  users: number;
  interviews: number;
  answersPerInterview: number;
  notes: number;
};

export const FULL: Scale = {
  questions: 100_000,
  topics: 50,
  users: 10_000,
  interviews: 100_000,
  answersPerInterview: 10,
  notes: 100_000,
};
export const QUICK: Scale = {
  questions: 10_000,
  topics: 50,
  users: 1_000,
  interviews: 10_000,
  answersPerInterview: 10,
  notes: 10_000,
};

export const WORDS = (
  "django orm queryset select_related prefetch_related middleware signal cache redis celery task migration model field " +
  "foreignkey manytomany serializer viewset router permission throttle authentication session token jwt csrf xss " +
  "template context form validation clean transaction atomic isolation index database postgres query join subquery " +
  "annotate aggregate filter exclude lazy evaluation pagination cursor offset keyset api rest endpoint status response " +
  "request view url path converter admin deployment gunicorn uvicorn nginx docker kubernetes logging monitoring sentry " +
  "testing fixture factory mock pytest coverage async await channels websocket security password hashing argon2 bcrypt " +
  "settings environment secret static media storage s3 upload performance latency throughput n+1 profiling explain " +
  "design scalability replica sharding queue idempotent retry backoff webhook event architecture service boundary team " +
  "project deadline stakeholder tradeoff incident postmortem mentoring review refactor legacy debt requirement estimate"
).split(/\s+/);

/** Ordinary words, so technical terms are as selective as in real prose (about 1 word in 12 is technical). */
export const FILLER = (
  "the a an of to in and or for with when then that this which how why what you your we our it its is are be can should would " +
  "use using used make keep need want first next each every both only also more less most many few some any all other same " +
  "request data user page value list time change point case way part step reason answer problem example approach result " +
  "simple common typical small large fast slow safe clear correct wrong early late local remote single multiple shared"
).split(/\s+/);

/** SQL for `n` pseudo-random words chosen by the integer expression `seed`: mostly filler, some technical. */
export const words = (seed: string, n: number | string) =>
  `array_to_string(array(select case when ((${seed}) * 31 + wi * 17) % 12 = 0
     then (w.v)[1 + ((${seed}) * 7919 + wi * 104729) % ${WORDS.length}]
     else (w.f)[1 + ((${seed}) * 6007 + wi * 48611) % ${FILLER.length}] end
   from generate_series(1, ${n}) wi), ' ')`;

/** Distinct texts in each pool; a generated text joins two entries of coprime-sized pools. */
const POOL = 4_999;

/** The i-th technical word for the integer expression `seed`. */
const word = (seed: string, i: number) => `(w.v)[1 + ((${seed}) * ${7 + 6 * i} + ${i * 104_729}) % ${WORDS.length}]`;

/**
 * A model answer shaped as the bank's are (seed/questions: 99% have inline code, 92% bold, 76% a list, 80% a fenced
 * code block; median 2 KB): a paragraph, a list with bold and code, a Python block in four questions of five, and a
 * longer paragraph. Their markdown is rendered as the bank's is, not taken for plain prose.
 */
const modelAnswer = `a1.long || E'\\n\\n- **' || ${word("g", 1)} || '**: ' || p1.short || E'\\n- \`' || ${word("g", 2)} || '\` ' || p2.short
  || E'\\n- ' || ${word("g", 3)} || E'\\n\\n'
  || case when g % 5 <> 0 then E'\`\`\`python\\n' || replace(${word("g", 4)}, '+', '_') || ' = ' || replace(${word("g", 5)}, '+', '_')
     || '(' || replace(${word("g", 6)}, '+', '_') || E')\\n\`\`\`\\n\\n' else '' end
  || a2.long`;

/**
 * Fills the (migrated, seeded) database; returns the seconds each step took. Texts come from pools built
 * once (two entries joined, so nearly every text differs); the big tables are filled with their secondary
 * indexes dropped and rebuilt after (a sorted build beats a million random inserts), and answers and notes
 * are written on two connections at once.
 */
export async function generate(
  url: string,
  scale: Scale,
  passwordHash: string,
  log: (line: string) => void,
): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  const second = new pg.Client({ connectionString: url });
  await Promise.all([client.connect(), second.connect()]);
  const timings: Record<string, number> = {};
  const step = async (name: string, sql: string, params: unknown[] = [], on: pg.Client = client) => {
    const started = performance.now();
    const result = await on.query(sql, params);
    timings[name] = (performance.now() - started) / 1000;
    log(`  ${name}: ${result.rowCount ?? 0} rows in ${timings[name]!.toFixed(1)} s`);
  };
  /** Drops the table's secondary indexes (not its primary key) and returns the statements that rebuild them. */
  const dropIndexes = async (table: string, on: pg.Client = client): Promise<string[]> => {
    const { rows } = await on.query<{ name: string; def: string }>(
      `select i.relname as name, pg_get_indexdef(x.indexrelid) as def from pg_index x join pg_class i on i.oid = x.indexrelid
       where x.indrelid = $1::regclass and not x.indisprimary`,
      [`"${table}"`],
    );
    for (const row of rows) await on.query(`drop index "${row.name}"`);
    return rows.map((r) => r.def);
  };
  const rebuild = async (name: string, defs: string[], on: pg.Client = client) => {
    const started = performance.now();
    for (const def of defs) await on.query(def);
    timings[name] = (performance.now() - started) / 1000;
    log(`  ${name}: ${defs.length} indexes in ${timings[name]!.toFixed(1)} s`);
  };
  try {
    for (const c of [client, second]) {
      await c.query("set synchronous_commit = off");
      await c.query("set maintenance_work_mem = '512MB'");
    }
    await client.query(`create table if not exists bench_words as select $1::text[] as v, $2::text[] as f`, [
      WORDS,
      FILLER,
    ]);
    await client.query(`create temporary table w as select * from bench_words`);
    await step(
      "text pools",
      `create table bench_pool as
       select i, ${words("i * 3 + 1", "15 + i % 20")} as short, ${words("i * 3 + 2", "75 + i % 100")} as long
       from generate_series(0, ${POOL - 1}) i cross join w`,
    );
    await client.query(`alter table bench_pool add primary key (i); analyze bench_pool`);
    // Another session reads the pools and words too (temporary tables are per session).
    await second.query(`create temporary table w as select * from bench_words`);
    await step(
      "topics",
      `insert into "Topic" (id, slug, name, "order", "updatedAt")
       select gen_random_uuid(), 'bench-topic-' || g, 'Bench topic ' || g, 100 + g, now()
       from generate_series(1, greatest(0, $1::int - (select count(*) from "Topic"))) g`,
      [scale.topics],
    );
    const questionIndexes = await dropIndexes("Question");
    await step(
      "questions",
      `insert into "Question" (id, slug, title, prompt, "modelAnswer", "keyPoints", difficulty, kind, "topicId", tags, "estimatedMinutes", source, "updatedAt")
       select gen_random_uuid(), 'bench-q-' || g,
              initcap(array_to_string(array(select (w.v)[1 + (g * 7919 + wi * 104729) % ${WORDS.length}] from generate_series(1, 3 + g % 3) wi), ' ')) || '?',
              p1.short || ' ' || p2.short,
              ${modelAnswer},
              array[${words("g + 3", 3)}, ${words("g + 4", 3)}, ${words("g + 5", 2)}, ${words("g + 6", 3)}],
              (array['EASY','MEDIUM','HARD'])[1 + g % 3]::"Difficulty", 'WRITTEN',
              t.id, array['bench', (w.v)[1 + g % ${WORDS.length}]], 2 + g % 8, 'bench', now()
       from generate_series(1, $1::int) g
       cross join w
       join bench_pool p1 on p1.i = g % ${POOL}
       join bench_pool p2 on p2.i = (g / ${POOL} + g * 17) % ${POOL}
       join bench_pool a1 on a1.i = (g * 7) % ${POOL}
       join bench_pool a2 on a2.i = (g / ${POOL} + g * 31 + 1) % ${POOL}
       join (select id, row_number() over (order by "order", slug) - 1 as n from "Topic") t on t.n = g % $2::int`,
      [scale.questions, scale.topics],
    );
    await rebuild("question indexes", questionIndexes);
    await step(
      "search words",
      `refresh materialized view "SearchWord"; refresh materialized view "SearchLexeme"; refresh materialized view "SearchPosting"`,
    );
    await step(
      "question companies",
      `insert into "QuestionCompany" ("questionId", "companyId", frequency)
       select q.id, c.id, 1 + (q.rn + c.rn) % 3
       from (select id, row_number() over (order by slug) rn from "Question" where source = 'bench') q
       join (select id, row_number() over (order by slug) rn from "CompanyProfile") c on (q.rn + c.rn) % 3 = 0`,
    );
    await step(
      "users",
      `insert into "User" (id, email, name, "passwordHash", "updatedAt")
       select gen_random_uuid(), 'bench-' || g || '@example.test', 'Bench user ' || g, $2, now()
       from generate_series(1, $1::int) g`,
      [scale.users, passwordHash],
    );
    await client.query(
      `create table bench_bu as select id, row_number() over (order by email) rn from "User" where email like 'bench-%'`,
    );
    await client.query(
      `create table bench_bq as select id, row_number() over (order by slug) rn from "Question" where "archivedAt" is null`,
    );
    await client.query(
      `create temporary table bc as select id, name, row_number() over (order by slug) rn from "CompanyProfile"`,
    );
    await client.query(
      `create index on bench_bu (rn); create index on bench_bq (rn); create index on bc (rn); analyze bench_bu; analyze bench_bq; analyze bc`,
    );
    const questionTotal = Number((await client.query(`select count(*) n from bench_bq`)).rows[0].n);
    const companies = Number((await client.query(`select count(*) n from bc`)).rows[0].n);
    await step(
      "interviews",
      `insert into "Interview" (id, "userId", "companyId", title, mode, status, seed, "topicFocus", "timeMultiplier", "startedAt", "deadlineAt", "endedAt", score, "updatedAt")
       select gen_random_uuid(), u.id, c.id, c.name, 'STRICT', 'FINISHED', g, '{}', 1,
              now() - (g % 2160) * interval '1 hour', now() - (g % 2160) * interval '1 hour' + interval '45 minutes',
              now() - (g % 2160) * interval '1 hour' + interval '40 minutes', (g % 100) / 100.0, now()
       from generate_series(1, $1::int) g
       join bench_bu u on u.rn = 1 + g % $2::int
       join bc c on c.rn = 1 + g % $3::int`,
      [scale.interviews, scale.users, companies],
    );
    await client.query(`analyze "Interview"`);
    const [answerIndexes, noteIndexes] = [await dropIndexes("InterviewQuestion"), await dropIndexes("Note")];
    // Answers on this connection, notes on the other, at the same time.
    await Promise.all([
      (async () => {
        await step(
          "answers",
          `insert into "InterviewQuestion" (id, "interviewId", "questionId", position, content, revision, "timeSpentSeconds", "answeredAt", score, "updatedAt")
           select gen_random_uuid(), iv.id, q.id, p, a.short || ' ' || b.long, 1 + p % 4, 60 + p * 7,
                  iv."startedAt" + p * interval '3 minutes', ((iv.seed * 7 + p * 13) % 100) / 100.0, now()
           from "Interview" iv
           cross join generate_series(0, $1::int - 1) p
           join bench_bq q on q.rn = 1 + (iv.seed * 13 + p * 1009) % $2::int
           join bench_pool a on a.i = (iv.seed + p) % ${POOL}
           join bench_pool b on b.i = (iv.seed * 3 + p * 7) % ${POOL}
           where iv.title <> '' and iv.seed > 0`,
          [scale.answersPerInterview, questionTotal],
        );
        await rebuild("answer indexes", answerIndexes);
      })(),
      (async () => {
        await step(
          "notes",
          `insert into "Note" (id, "userId", "questionId", content, revision, "createdAt", "updatedAt")
           select gen_random_uuid(), u.id, q.id, a.short || ' ' || b.short, 1 + g % 5, now() - (g % 4000) * interval '1 hour', now() - (g % 4000) * interval '1 hour'
           from generate_series(0, $1::int - 1) g
           join bench_bu u on u.rn = 1 + g % $2::int
           join bench_bq q on q.rn = 1 + ((g / $2::int) * 1013 + (1 + g % $2::int) * 37) % $3::int
           join bench_pool a on a.i = (g * 11) % ${POOL}
           join bench_pool b on b.i = (g / ${POOL} + g * 13 + 2) % ${POOL}`,
          [scale.notes, scale.users, questionTotal],
          second,
        );
        await rebuild("note indexes", noteIndexes, second);
      })(),
    ]);
    await client.query(`drop table bench_pool, bench_words, bench_bu, bench_bq`);
    const started = performance.now();
    await client.query("vacuum analyze");
    timings["vacuum analyze"] = (performance.now() - started) / 1000;
    log(`  vacuum analyze in ${timings["vacuum analyze"]!.toFixed(1)} s`);
    // The bulk load leaves gigabytes of dirty pages and WAL; without this, PostgreSQL's next checkpoint
    // writes them out while the routes are measured, and every commit (the autosave's) waits behind it.
    const flushed = performance.now();
    await client.query("checkpoint");
    timings.checkpoint = (performance.now() - flushed) / 1000;
    log(`  checkpoint in ${timings.checkpoint.toFixed(1)} s`);
  } finally {
    await Promise.all([client.end(), second.end()]);
  }
  return timings;
}
