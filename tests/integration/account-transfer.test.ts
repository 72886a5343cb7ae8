// Moving an account: export -> import into an empty account -> export again gives the same document; an
// import at the edges of every range leaves /dashboard, /review, saves and a new extended interview working.
import path from "node:path";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { getDashboard } from "@/lib/data/dashboard";
import { startInterview } from "@/lib/data/interviews";
import { saveNote } from "@/lib/data/notes";
import { databaseKnowsTimeZone, setTimeZone } from "@/lib/data/users";
import { savePracticeDraft } from "@/lib/data/practice";
import { rateReview, reviewQueue } from "@/lib/data/review";
import { db } from "@/lib/db/client";
import type { ExportDocument } from "@/lib/schemas/export-document";
import { COUNTER_MAX } from "@/lib/schemas/fields";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { userFactory } from "../factories";
import { exportAs, importAs, validDocument } from "../support/account-documents";

beforeAll(async () => {
  await loadBank(db(), readContent(path.resolve("tests/fixtures/content")));
});

/** What an export says that an import keeps: not when it was made, whose it is, nor the bank's titles. */
function kept(doc: ExportDocument) {
  const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  return {
    profile: { ...doc.profile, email: undefined, name: undefined, createdAt: undefined }, // the account keeps its own
    interviews: sorted(
      doc.interviews.map((i) => ({ ...i, questions: i.questions.map((q) => ({ ...q, title: undefined })) })),
    ),
    practiceAnswers: sorted(doc.practiceAnswers),
    notes: sorted(doc.notes),
    bookmarks: sorted(doc.bookmarks),
    sets: sorted(doc.sets),
    reviewCards: sorted(doc.reviewCards),
    reviewLog: sorted(doc.reviewLog),
  };
}

async function exported(userId: string): Promise<ExportDocument> {
  const response = await exportAs(userId);
  expect(response.status).toBe(200);
  expect(response.body).toBeInstanceOf(ReadableStream);
  return JSON.parse(await response.text()) as ExportDocument;
}

describe("a valid document", () => {
  it("round-trips: import into an empty account, export, import that into another, export: the same rows", async () => {
    const doc = validDocument();
    const first = await userFactory();
    const imported = await importAs(first.id, JSON.stringify(doc));
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.imported).toEqual({
      interviews: 3,
      practiceAnswers: 2,
      notes: 2,
      bookmarks: 2,
      sets: 2,
      reviewCards: 2,
      reviewLog: 4,
    });
    const once = await exported(first.id);
    expect(kept(once)).toEqual(kept(doc));

    const second = await userFactory();
    expect((await importAs(second.id, JSON.stringify(once))).status).toBe(201);
    const twice = await exported(second.id);
    expect({ ...twice, exportedAt: "", profile: { ...twice.profile, email: "", createdAt: "" } }).toEqual({
      ...once,
      exportedAt: "",
      profile: { ...once.profile, email: "", createdAt: "" },
    });
    // Into an account that holds data: 409, before its body is read.
    expect((await importAs(second.id, JSON.stringify(once))).status).toBe(409);
  });

  it("skips rows naming a question this bank lacks, and says which", async () => {
    const doc = validDocument();
    doc.notes[0]!.question = "not-in-this-bank";
    doc.interviews[0]!.questions = doc.interviews[0]!.questions.map((q) => ({ ...q, question: `gone-${q.position}` }));
    const user = await userFactory();
    const { status, body } = await importAs(user.id, JSON.stringify(doc));
    expect(status).toBe(201);
    expect(body).toMatchObject({
      imported: { interviews: 2, notes: 1 },
      skippedQuestions: expect.arrayContaining(["not-in-this-bank", "gone-0", "gone-1"]),
    });
  });
});

describe("an account that changes while it imports", () => {
  it("answers 409 and keeps nothing of the import (a note saved in another tab meanwhile)", async () => {
    const user = await userFactory();
    const doc = validDocument();
    // Another connection saves a note on a question the import also has a note on, and commits while the import
    // runs. The import locks the user's row; the note's foreign key locks it too, so one waits for the other and
    // the import, checking again under its lock, finds the account no longer empty.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("begin");
      await other.query(
        `insert into "Note" (id, "userId", "questionId", content, revision, "updatedAt") select gen_random_uuid(), $1::uuid, id, 'saved meanwhile', 1, now() from "Question" where slug = $2`,
        [user.id, doc.notes[0]!.question],
      );
      const pending = importAs(user.id, JSON.stringify(doc));
      await new Promise((resolve) => setTimeout(resolve, 500));
      await other.query("commit");
      const { status, body } = await pending;
      expect(status, JSON.stringify(body)).toBe(409);
    } finally {
      await other.end();
    }
    expect(await db().interview.count({ where: { userId: user.id } })).toBe(0);
    expect((await db().note.findMany({ where: { userId: user.id } })).map((n) => n.content)).toEqual([
      "saved meanwhile",
    ]);
  });
});

describe("a document at the edges of every range", () => {
  it("imports, and the dashboard, the revision queue, saves and a new extended interview all work after it", async () => {
    const doc = validDocument();
    const [earliest, latest] = ["1970-01-01T00:00:00.000Z", "2199-12-31T23:59:59.999Z"];
    doc.profile = { ...doc.profile, timeMultiplier: 2, timeZone: "Pacific/Kiritimati" };
    Object.assign(doc.interviews[0]!, {
      startedAt: earliest,
      deadlineAt: latest,
      endedAt: latest,
      score: 1,
      seed: 2 ** 31 - 1,
    });
    Object.assign(doc.interviews[0]!.questions[0]!, {
      revision: COUNTER_MAX,
      timeSpentSeconds: 86_400,
      score: 0,
      answeredAt: earliest,
      position: 59,
    });
    Object.assign(doc.interviews[2]!, { status: "in_progress", endedAt: null });
    Object.assign(doc.practiceAnswers[0]!, { revision: COUNTER_MAX, createdAt: earliest, updatedAt: latest });
    doc.practiceAnswers[0]!.versions[0]!.number = 1_000;
    Object.assign(doc.notes[0]!, { revision: COUNTER_MAX, createdAt: earliest, updatedAt: latest });
    // A card reviewed long ago with the largest memory state FSRS keeps, due since 1970; a new card due in 2199.
    Object.assign(doc.reviewCards[0]!, {
      state: 2,
      stability: 36_500,
      difficulty: 10,
      elapsedDays: 36_500,
      scheduledDays: 36_500,
      learningSteps: 100,
      reps: COUNTER_MAX,
      lapses: COUNTER_MAX,
      due: earliest,
      lastReview: earliest,
      createdAt: earliest,
    });
    Object.assign(doc.reviewCards[1]!, {
      state: 0,
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      due: latest,
      lastReview: null,
    });
    Object.assign(doc.reviewLog[0]!, { reviewedAt: earliest, due: latest });
    const user = await userFactory();
    const { status, body } = await importAs(user.id, JSON.stringify(doc));
    expect(status, JSON.stringify(body)).toBe(201);

    const now = new Date();
    const dashboard = await getDashboard(user.id, now);
    expect(dashboard.timeZone).toBe("Pacific/Kiritimati");
    expect(dashboard.due).toBeGreaterThanOrEqual(1);
    const queue = await reviewQueue(user.id, now);
    const card = queue.due.find((c) => c.question.slug === doc.reviewCards[0]!.question)!;
    expect(card.reps).toBe(COUNTER_MAX);
    for (const when of Object.values(card.next)) expect(Number.isFinite(Date.parse(when))).toBe(true);
    const rated = await rateReview(user.id, card.question.slug, "good", now);
    expect(rated).toBeDefined();
    expect(
      (await db().reviewCard.findFirstOrThrow({ where: { userId: user.id, question: { slug: card.question.slug } } }))
        .reps,
    ).toBe(COUNTER_MAX + 1);

    // Saves at the largest revision an import allows still have room to count up.
    expect(
      (await saveNote(user.id, doc.notes[0]!.question, { content: "edited", revision: COUNTER_MAX }, now)).revision,
    ).toBe(COUNTER_MAX + 1);
    expect(
      (
        await savePracticeDraft(
          user.id,
          doc.practiceAnswers[0]!.question,
          { content: "edited", revision: COUNTER_MAX },
          now,
        )
      ).revision,
    ).toBe(COUNTER_MAX + 1);

    // The imported default extra time (2) gives a deadline of twice the profile's 30 minutes, not 31 days.
    const interview = await startInterview(user.id, { company: "acme", mode: "extended" }, now);
    expect(Date.parse(interview.deadlineAt!) - now.getTime()).toBe(2 * 30 * 60_000);
  });
});

describe("time zones", () => {
  it("are stored only when PostgreSQL knows them too: its `at time zone` computes the user's days", async () => {
    expect(await databaseKnowsTimeZone(db(), "Europe/London")).toBe(true);
    expect(await databaseKnowsTimeZone(db(), "UTC")).toBe(true);
    expect(await databaseKnowsTimeZone(db(), "Mars/Phobos")).toBe(false);
    const user = await userFactory();
    await setTimeZone(user.id, "Asia/Kolkata");
    await expect(setTimeZone(user.id, "Mars/Phobos")).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { timeZone: [expect.any(String)] },
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).timeZone).toBe("Asia/Kolkata");
    expect((await getDashboard(user.id)).timeZone).toBe("Asia/Kolkata");
  });
});
