// While a user sits a timed interview, nothing the app serves them gives away its model answers, key points or
// coverage: not the question API, search snippets, practice, the revision queue, the reviews of their other
// interviews or the export. One timed interview at a time; flags stay as they were once an interview ends.
// Every route is called through its real handler with a real session cookie.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/me/export/route";
import * as question from "@/app/api/questions/[slug]/route";
import * as questions from "@/app/api/questions/route";
import * as practice from "@/app/api/questions/[slug]/practice/route";
import * as practiceRating from "@/app/api/questions/[slug]/practice/rating/route";
import * as versions from "@/app/api/questions/[slug]/practice/versions/route";
import * as review from "@/app/api/review/route";
import * as interviewRoute from "@/app/api/interviews/[id]/route";
import * as flag from "@/app/api/interviews/[id]/answers/[questionId]/flag/route";
import { saveAnswer } from "@/lib/data/answers";
import { endInterview, startInterview } from "@/lib/data/interviews";
import { addToQueue } from "@/lib/data/review";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import type { InterviewView } from "@/lib/schemas/interviews";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { sessionCookieFor, userFactory } from "../factories";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(
  handler: unknown,
  userId: string | null,
  method: string,
  url: string,
  params: Record<string, string> = {},
  body?: unknown,
) {
  const headers: Record<string, string> = { origin: "http://localhost", host: "localhost" };
  if (userId) headers.cookie = (await sessionCookieFor(userId)).cookie;
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await (handler as Handler)(
    new Request(`http://localhost${url}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
  return {
    status: response.status,
    headers: response.headers,
    body: response.status === 204 ? null : ((await response.json()) as Record<string, unknown>),
  };
}

const conflict = async (run: Promise<unknown>) => {
  try {
    await run;
  } catch (error) {
    return error instanceof AppError && error.code === "CONFLICT" ? error : Promise.reject(error);
  }
  throw new Error("expected a conflict");
};

let userId = "";
let timed: InterviewView;
let asked: string[] = [];

beforeAll(async () => {
  await loadBank(db(), readContent(path.resolve("tests/fixtures/content")));
  const acme = await db().companyProfile.findUniqueOrThrow({ where: { slug: "acme" } });
  await db().companyProfile.create({
    data: {
      slug: "globex",
      name: "Globex",
      description: acme.description,
      durationMinutes: acme.durationMinutes,
      questionCount: acme.questionCount,
      codingProblems: acme.codingProblems,
      styleNotes: acme.styleNotes,
      topicWeights: acme.topicWeights as object,
      difficultyMix: acme.difficultyMix as object,
    },
  });
  userId = (await userFactory()).id;
  // History first: a finished practice interview, a queued card and a practice version on every question.
  const earlier = await startInterview(userId, { company: "acme", mode: "practice" });
  for (const q of earlier.questions)
    await saveAnswer(userId, earlier.id, q.id, {
      content: "A join vs separate query; built but not executed.",
      revision: 0,
    });
  await endInterview(userId, earlier.id, "finish");
  for (const slug of (await db().question.findMany({ select: { slug: true } })).map((q) => q.slug))
    await addToQueue(userId, slug);
  // Now the timed interview.
  timed = await startInterview(userId, { company: "acme", mode: "strict" });
  asked = timed.questions.map((q) => q.slug);
  expect(asked.length).toBeGreaterThan(0);
});

describe("while a timed interview runs", () => {
  it("the question API withholds its model answer and key points from this user only, and no cache may keep that answer", async () => {
    for (const slug of asked) {
      const mine = await call(question.GET, userId, "GET", `/api/questions/${slug}`, { slug });
      expect(mine.body).toMatchObject({ slug, withheld: true, modelAnswer: "", keyPoints: [] });
      expect(mine.headers.get("cache-control")).toBe("private, no-store");
      const visitor = await call(question.GET, null, "GET", `/api/questions/${slug}`, { slug });
      expect(visitor.body).toMatchObject({ slug, withheld: false });
      expect((visitor.body!.keyPoints as string[]).length).toBeGreaterThan(0);
    }
  });

  it("searches leave its questions out (their snippets quote model answers; a match tells a word is in one)", async () => {
    for (const slug of asked) {
      const { modelAnswer } = await db().question.findUniqueOrThrow({ where: { slug } });
      const q = modelAnswer
        .split(/\W+/)
        .filter((w) => w.length > 5)
        .slice(0, 2)
        .join(" ");
      const find = (body: Record<string, unknown> | null) =>
        (body!.items as { slug: string; snippet?: string }[]).find((i) => i.slug === slug);
      const visitor = find((await call(questions.GET, null, "GET", `/api/questions?q=${encodeURIComponent(q)}`)).body);
      expect(visitor?.snippet, q).toBeTruthy();
      const mine = await call(questions.GET, userId, "GET", `/api/questions?q=${encodeURIComponent(q)}`);
      expect(find(mine.body)).toBeUndefined();
      expect(mine.headers.get("cache-control")).toBe("private, no-store");
    }
  });

  it("practice on its questions is refused with 409 (reading versions, saving, rating), other questions stay open", async () => {
    const slug = asked[0]!;
    for (const [handler, method, body, suffix] of [
      [practice.GET, "GET", undefined, ""],
      [practice.PUT, "PUT", { content: "draft", revision: 0 }, ""],
      [versions.POST, "POST", { content: "a version" }, "/versions"],
      [practiceRating.PUT, "PUT", { rating: "good" }, "/rating"],
    ] as const) {
      const response = await call(handler, userId, method, `/api/questions/${slug}/practice${suffix}`, { slug }, body);
      expect(response.status, `${method} practice${suffix}`).toBe(409);
      expect(response.body).toMatchObject({ interview: { id: timed.id } });
    }
    const open = (await db().question.findFirstOrThrow({ where: { slug: { notIn: asked } } })).slug;
    expect((await call(practice.GET, userId, "GET", `/api/questions/${open}/practice`, { slug: open })).status).toBe(
      200,
    );
  });

  it("the revision queue holds its questions back, and says how many", async () => {
    const queue = (await call(review.GET, userId, "GET", "/api/review")).body as {
      due: { question: { slug: string } }[];
      withheld: number;
    };
    expect(queue.due.map((c) => c.question.slug).filter((s) => asked.includes(s))).toEqual([]);
    expect(queue.withheld).toBe(asked.length);
  });

  it("the review of an earlier interview withholds the model answers, key points and coverage of the questions asked now", async () => {
    const earlier = await db().interview.findFirstOrThrow({ where: { userId, status: "FINISHED" } });
    const view = (await call(interviewRoute.GET, userId, "GET", `/api/interviews/${earlier.id}`, { id: earlier.id }))
      .body as unknown as InterviewView;
    const bySlug = new Map(view.questions.map((q) => [q.slug, view.review!.items.find((i) => i.questionId === q.id)!]));
    for (const slug of asked) {
      if (!bySlug.has(slug)) continue;
      expect(bySlug.get(slug)).toMatchObject({ withheld: true, modelAnswer: "", keyPoints: [], coverage: [] });
    }
    expect([...bySlug.keys()].some((slug) => asked.includes(slug))).toBe(true);
  });

  it("the export is refused until it ends", async () => {
    for (const format of ["json", "markdown"]) {
      const response = await call(exportRoute.GET, userId, "GET", `/api/me/export?format=${format}`);
      expect(response.status).toBe(409);
    }
  });

  it("a second timed interview cannot start, whatever the company; a practice one can", async () => {
    for (const mode of ["strict", "extended"] as const) {
      const error = await conflict(startInterview(userId, { company: "globex", mode }));
      expect(error.extra).toMatchObject({ inProgress: { id: timed.id } });
      expect(error.message).toContain("one timed interview at a time");
    }
    const practising = await startInterview(userId, { company: "globex", mode: "practice" });
    await endInterview(userId, practising.id, "abandon");
  });
});

describe("once the timed interview ends", () => {
  it("everything comes back, flags stay as they were, and ratings do not change the score", async () => {
    const q = timed.questions[0]!;
    expect(
      (
        await call(
          flag.PUT,
          userId,
          "PUT",
          `/api/interviews/${timed.id}/answers/${q.id}/flag`,
          { id: timed.id, questionId: q.id },
          { flagged: true },
        )
      ).status,
    ).toBe(200);
    const ended = await endInterview(userId, timed.id, "finish");
    const slug = asked[0]!;
    expect((await call(question.GET, userId, "GET", `/api/questions/${slug}`, { slug })).body).toMatchObject({
      withheld: false,
    });
    expect((await call(practice.GET, userId, "GET", `/api/questions/${slug}/practice`, { slug })).status).toBe(200);
    expect(((await call(review.GET, userId, "GET", "/api/review")).body as { withheld: number }).withheld).toBe(0);
    expect((await call(exportRoute.GET, userId, "GET", "/api/me/export?format=json")).status).toBe(200);

    const unflag = await call(
      flag.PUT,
      userId,
      "PUT",
      `/api/interviews/${timed.id}/answers/${q.id}/flag`,
      { id: timed.id, questionId: q.id },
      { flagged: false },
    );
    expect(unflag.status).toBe(409);
    const after = await db().interviewQuestion.findFirstOrThrow({ where: { interviewId: timed.id, questionId: q.id } });
    expect(after.flagged).toBe(true);
    expect((await db().interview.findUniqueOrThrow({ where: { id: timed.id } })).score).toBe(ended.score);

    const next = await startInterview(userId, { company: "globex", mode: "strict" });
    expect(next.status).toBe("in_progress");
  });
});
