import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { migrate, MigrationError, readMigrations } from "@/lib/db/migrations/runner";
import { createDatabase, dropDatabase, uniqueName } from "../support/postgres";

const adminUrl = inject("adminUrl");
const urlFor = (db: string) => inject("databaseUrlPattern").replace("__DATABASE__", db);
const created: string[] = [];

async function emptyDatabase(): Promise<string> {
  const name = uniqueName("mockroom_test");
  await createDatabase(adminUrl, name);
  created.push(name);
  return urlFor(name);
}

async function rows(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

function migrationsCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mockroom-migrations-"));
  fs.cpSync(path.resolve("prisma/migrations"), dir, { recursive: true });
  return dir;
}

afterAll(async () => {
  for (const name of created) await dropDatabase(adminUrl, name);
});

describe("migration runner", () => {
  const dir = path.resolve("prisma/migrations");

  it("applies every migration once and records it as Prisma does", async () => {
    const url = await emptyDatabase();
    const first = await migrate({ databaseUrl: url, dir });
    expect(first.applied).toEqual(readMigrations(dir).map((m) => m.name));
    const second = await migrate({ databaseUrl: url, dir });
    expect(second.applied).toEqual([]);

    const recorded = await rows(
      url,
      `select migration_name, checksum, finished_at, applied_steps_count, logs, rolled_back_at from "_prisma_migrations" order by migration_name`,
    );
    expect(recorded.map((r) => r.migration_name)).toEqual(first.applied);
    for (const [i, migration] of readMigrations(dir).entries()) {
      expect(recorded[i]!.checksum).toBe(migration.checksum);
      expect(recorded[i]!.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(recorded[i]!.finished_at).toBeInstanceOf(Date);
      expect(recorded[i]!.applied_steps_count).toBe(1);
      expect(recorded[i]!.rolled_back_at).toBeNull();
    }
  });

  it("lets only one of two concurrent runs apply each migration", async () => {
    const url = await emptyDatabase();
    const [a, b] = await Promise.all([migrate({ databaseUrl: url, dir }), migrate({ databaseUrl: url, dir })]);
    expect([...a.applied, ...b.applied].sort()).toEqual(readMigrations(dir).map((m) => m.name));
    const counts = await rows(url, `select migration_name, count(*)::int as n from "_prisma_migrations" group by 1`);
    expect(counts.every((r) => r.n === 1)).toBe(true);
  });

  it("stops with the file's name when an applied migration was edited", async () => {
    const url = await emptyDatabase();
    const copy = migrationsCopy();
    await migrate({ databaseUrl: url, dir: copy });
    const [first] = readMigrations(copy);
    fs.appendFileSync(first!.file, "\n-- edited after the fact\n");
    const error = await migrate({ databaseUrl: url, dir: copy }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toContain(`Migration ${first!.name} was changed after it was applied`);
    expect((error as Error).message).toContain("migration.sql");
  });

  it("rolls back a failing migration completely and records nothing", async () => {
    const url = await emptyDatabase();
    const copy = migrationsCopy();
    const broken = path.join(copy, "99990101000000_broken");
    fs.mkdirSync(broken);
    fs.writeFileSync(
      path.join(broken, "migration.sql"),
      `create table "Half" (id int);\nselect * from "no_such_table";`,
    );
    const error = await migrate({ databaseUrl: url, dir: copy }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/99990101000000_broken failed and was rolled back/);
    expect(await rows(url, `select to_regclass('"Half"') as t`)).toEqual([{ t: null }]);
    expect(
      await rows(
        url,
        `select count(*)::int as n from "_prisma_migrations" where migration_name = '99990101000000_broken'`,
      ),
    ).toEqual([{ n: 0 }]);
  });

  it("repairs what older versions let users store: a second running timed interview, unknown time zones, odd multipliers", async () => {
    const url = await emptyDatabase();
    const before = fs.mkdtempSync(path.join(os.tmpdir(), "mockroom-migrations-"));
    for (const m of readMigrations(dir).filter((m) => m.name < "20261206030000_one_timed_interview")) {
      fs.cpSync(path.join(dir, m.name), path.join(before, m.name), { recursive: true });
    }
    await migrate({ databaseUrl: url, dir: before });
    await rows(
      url,
      `
      insert into "User" (id, email, "timeZone", "timeMultiplier", "updatedAt") values
        ('00000000-0000-4000-8000-000000000001', 'a@example.test', 'Mars/Olympus', 1000, now()),
        ('00000000-0000-4000-8000-000000000002', 'b@example.test', 'Europe/Zurich', 1.5, now()),
        ('00000000-0000-4000-8000-000000000003', 'c@example.test', 'UTC', 'Infinity', now());
      insert into "Interview" (id, "userId", title, mode, status, seed, "topicFocus", "startedAt", "deadlineAt", "updatedAt") values
        ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', 'Older', 'STRICT', 'IN_PROGRESS', 1, '{}', now() - interval '10 minutes', now() + interval '1 hour', now()),
        ('00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-000000000001', 'Newer', 'EXTENDED', 'IN_PROGRESS', 2, '{}', now() - interval '5 minutes', now() + interval '1 hour', now()),
        ('00000000-0000-4000-8000-0000000000a3', '00000000-0000-4000-8000-000000000001', 'Practice', 'PRACTICE', 'IN_PROGRESS', 3, '{}', now(), null, now())`,
    );
    await migrate({ databaseUrl: url, dir });
    expect(await rows(url, `select email, "timeZone", "timeMultiplier" from "User" order by email`)).toEqual([
      { email: "a@example.test", timeZone: "UTC", timeMultiplier: 1 },
      { email: "b@example.test", timeZone: "Europe/Zurich", timeMultiplier: 1.5 },
      { email: "c@example.test", timeZone: "UTC", timeMultiplier: 1 },
    ]);
    expect(await rows(url, `select title, status::text from "Interview" order by title`)).toEqual([
      { title: "Newer", status: "IN_PROGRESS" },
      { title: "Older", status: "ABANDONED" },
      { title: "Practice", status: "IN_PROGRESS" },
    ]);
  });
  it("turns the zeros older versions stored for blank answers into unanswered questions, and rescores those interviews over the answers given", async () => {
    const url = await emptyDatabase();
    const before = fs.mkdtempSync(path.join(os.tmpdir(), "mockroom-migrations-"));
    for (const m of readMigrations(dir).filter((m) => m.name < "20261206110000_review_reason_skipped")) {
      fs.cpSync(path.join(dir, m.name), path.join(before, m.name), { recursive: true });
    }
    await migrate({ databaseUrl: url, dir: before });
    const user = "00000000-0000-4000-8000-000000000001";
    const q = (n: number) => `00000000-0000-4000-8000-0000000000${10 + n}`;
    // Interview a1 (finished): q1 answered 0.5, q2 blank scored 0, q3 answered 0.2. Interview a2 (running): q2 blank.
    // Interview a3 (expired): q4 blank, answered nowhere else. Cards: q2 and q4 queued as scored low only for being
    // blank; q3 for a real low score; q1 by hand.
    await rows(
      url,
      `
      insert into "User" (id, email, "updatedAt") values ('${user}', 'a@example.test', now());
      insert into "Topic" (id, slug, name, "order", "updatedAt") values ('00000000-0000-4000-8000-0000000000f1', 'orm', 'ORM', 1, now());
      insert into "Question" (id, slug, title, prompt, "modelAnswer", "keyPoints", difficulty, "topicId", tags, "estimatedMinutes", source, "updatedAt")
        select ('00000000-0000-4000-8000-0000000000' || (10 + n))::uuid, 'q' || n, 'Q' || n, 'p', 'a', '{one}', 'EASY', '00000000-0000-4000-8000-0000000000f1', '{}', 3, 'test', now()
        from generate_series(1, 4) n;
      insert into "Interview" (id, "userId", title, mode, status, seed, "topicFocus", "startedAt", "endedAt", score, "updatedAt") values
        ('00000000-0000-4000-8000-0000000000a1', '${user}', 'Finished', 'PRACTICE', 'FINISHED', 1, '{}', now(), now(), 0.7 / 3, now()),
        ('00000000-0000-4000-8000-0000000000a2', '${user}', 'Running', 'PRACTICE', 'IN_PROGRESS', 2, '{}', now(), null, null, now()),
        ('00000000-0000-4000-8000-0000000000a3', '${user}', 'Expired', 'STRICT', 'EXPIRED', 3, '{}', now(), now(), 0, now());
      insert into "InterviewQuestion" (id, "interviewId", "questionId", position, content, "answeredAt", coverage, score, "updatedAt") values
        (gen_random_uuid(), '00000000-0000-4000-8000-0000000000a1', '${q(1)}', 0, 'an answer', now(), '[]', 0.5, now()),
        (gen_random_uuid(), '00000000-0000-4000-8000-0000000000a1', '${q(2)}', 1, E' \n', now(), '[{"point":"one","covered":false}]', 0, now()),
        (gen_random_uuid(), '00000000-0000-4000-8000-0000000000a1', '${q(3)}', 2, 'wrong', now(), '[]', 0.2, now()),
        (gen_random_uuid(), '00000000-0000-4000-8000-0000000000a2', '${q(2)}', 0, '', now(), null, null, now()),
        (gen_random_uuid(), '00000000-0000-4000-8000-0000000000a3', '${q(4)}', 0, '', null, '[]', 0, now());
      insert into "ReviewCard" (id, "userId", "questionId", reason, due, "updatedAt") values
        (gen_random_uuid(), '${user}', '${q(1)}', 'MANUAL', now(), now()),
        (gen_random_uuid(), '${user}', '${q(2)}', 'LOW_SCORE', now(), now()),
        (gen_random_uuid(), '${user}', '${q(3)}', 'LOW_SCORE', now(), now()),
        (gen_random_uuid(), '${user}', '${q(4)}', 'LOW_SCORE', now(), now())`,
    );
    await migrate({ databaseUrl: url, dir });

    const state = async () => ({
      interviews: await rows(url, `select title, score from "Interview" order by title`),
      answers: await rows(
        url,
        `select i.title, q.slug, iq.score, iq.coverage, iq."answeredAt" is not null as "answeredAt"
        from "InterviewQuestion" iq join "Interview" i on i.id = iq."interviewId" join "Question" q on q.id = iq."questionId" order by i.title, q.slug`,
      ),
      cards: await rows(
        url,
        `select q.slug, rc.reason::text from "ReviewCard" rc join "Question" q on q.id = rc."questionId" order by q.slug`,
      ),
    });
    const migrated = await state();
    expect(migrated.interviews).toEqual([
      { title: "Expired", score: null },
      { title: "Finished", score: expect.closeTo(0.35, 9) },
      { title: "Running", score: null },
    ]);
    expect(migrated.answers).toEqual([
      { title: "Expired", slug: "q4", score: null, coverage: null, answeredAt: false },
      { title: "Finished", slug: "q1", score: 0.5, coverage: [], answeredAt: true },
      { title: "Finished", slug: "q2", score: null, coverage: null, answeredAt: false },
      { title: "Finished", slug: "q3", score: 0.2, coverage: [], answeredAt: true },
      // A running interview's blank answer is left alone: it may still be answered.
      { title: "Running", slug: "q2", score: null, coverage: null, answeredAt: true },
    ]);
    expect(migrated.cards).toEqual([
      { slug: "q1", reason: "MANUAL" },
      { slug: "q2", reason: "SKIPPED" },
      { slug: "q3", reason: "LOW_SCORE" },
      { slug: "q4", reason: "SKIPPED" },
    ]);
    // Its statements, run again, change nothing.
    await rows(url, fs.readFileSync(path.join(dir, "20261206110001_unanswered_not_wrong/migration.sql"), "utf8"));
    expect(await state()).toEqual(migrated);
  });
});
