import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreAnswers, type InterviewRow } from "@/lib/data/interview-view";
import { interviewTotal, isUnanswered } from "@/lib/interviews/unanswered";
import { basisText, standing, TENTATIVE_BELOW, weakestTopics, type TopicResults } from "@/lib/progress/strength";

const answer = fc.record({
  answered: fc.boolean(),
  score: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
});

describe("the interview's score over skipped questions", () => {
  it("is null with nothing answered, however many were asked", () => {
    expect(interviewTotal([])).toEqual({ score: null, answered: 0, questions: 0 });
    expect(
      interviewTotal([
        { answered: false, score: null },
        { answered: false, score: null },
      ]),
    ).toEqual({ score: null, answered: 0, questions: 2 });
  });

  it("rests on one answer when only one was given, and says so", () => {
    expect(
      interviewTotal([
        { answered: true, score: 0.4 },
        ...Array.from({ length: 7 }, () => ({ answered: false, score: null })),
      ]),
    ).toEqual({ score: 0.4, answered: 1, questions: 8 });
  });

  it("leaves out an answered coding question still waiting for its test report, but counts it as answered", () => {
    expect(
      interviewTotal([
        { answered: true, score: 1 },
        { answered: true, score: null },
        { answered: false, score: null },
      ]),
    ).toEqual({ score: 1, answered: 2, questions: 3 });
  });

  it("is the mean of the scored answers, and a skipped question never moves it", () => {
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 30 }), fc.nat({ max: 30 }), (items, position) => {
        const total = interviewTotal(items);
        const scored = items.filter((i) => i.answered && i.score !== null).map((i) => i.score!);
        if (!scored.length) expect(total.score).toBeNull();
        else {
          expect(total.score).toBeCloseTo(scored.reduce((a, b) => a + b, 0) / scored.length, 9);
          expect(total.score!).toBeGreaterThanOrEqual(Math.min(...scored) - 1e-12);
          expect(total.score!).toBeLessThanOrEqual(Math.max(...scored) + 1e-12);
        }
        const withSkip = [...items];
        withSkip.splice(position % (items.length + 1), 0, { answered: false, score: null });
        const after = interviewTotal(withSkip);
        expect(after.score).toBe(total.score);
        expect(after).toMatchObject({ answered: total.answered, questions: total.questions + 1 });
      }),
    );
  });

  it("treats whitespace as no answer, and any visible character as one", () => {
    for (const blank of ["", " ", "\n\n", "\t \r\n", "\u00a0", "\u2003"]) expect(isUnanswered(blank)).toBe(true);
    for (const given of ["x", "  no idea  ", "pass", "# comment"]) expect(isUnanswered(given)).toBe(false);
  });
});

type Asked = { kind: "WRITTEN" | "CODING"; content: string; keyPoints?: string[]; score?: number | null };
const row = (asked: Asked[]) =>
  ({
    questions: asked.map((a, i) => ({
      id: `iq-${i}`,
      questionId: `q-${i}`,
      content: a.content,
      score: a.score ?? null,
      question: {
        kind: a.kind,
        keyPoints: a.keyPoints ?? ["Use select_related for foreign keys", "Use prefetch_related for many-to-many"],
      },
    })),
  }) as unknown as InterviewRow;

/** No stored rubrics: each key point is scored with the rubric derived from its sentence. */
const noRubrics = new Map<string, unknown>();

describe("scoring a finished interview's answers", () => {
  it("stores nothing for blank written and coding answers, and scores the rest over the answers given", () => {
    const { items, total } = scoreAnswers(
      row([
        { kind: "WRITTEN", content: "  \n" },
        { kind: "CODING", content: "" },
        { kind: "CODING", content: "def add(a, b):\n    return a + b\n", score: 0.5 },
        {
          kind: "WRITTEN",
          content: "Use select_related for foreign keys and prefetch_related for many-to-many relations.",
        },
      ]),
      noRubrics,
    );
    expect(items.map((i) => [i.answered, i.score, i.coverage === null])).toEqual([
      [false, null, true],
      [false, null, true],
      [true, 0.5, false],
      [true, items[3]!.score, false],
    ]);
    expect(items[3]!.score).toBeGreaterThan(0);
    expect(total).toBeCloseTo((0.5 + items[3]!.score!) / 2, 9);
  });

  it("gives an interview where everything was skipped no score at all (not 0%)", () => {
    expect(
      scoreAnswers(
        row([
          { kind: "WRITTEN", content: "" },
          { kind: "CODING", content: " " },
        ]),
        noRubrics,
      ).total,
    ).toBeNull();
  });

  it("still scores a wrong written answer 0: answered and wrong is not skipped", () => {
    const { items, total } = scoreAnswers(
      row([
        { kind: "WRITTEN", content: "I would restart the server." },
        { kind: "WRITTEN", content: "" },
      ]),
      noRubrics,
    );
    expect(items[0]).toMatchObject({ answered: true, score: 0 });
    expect(total).toBe(0);
  });
});

const topic = fc.record({
  slug: fc.stringMatching(/^[a-z]{1,8}$/),
  name: fc.stringMatching(/^[A-Z][a-z]{0,8}$/),
  answers: fc.nat({ max: 6 }),
  ratings: fc.nat({ max: 3 }),
  strength: fc.double({ min: 0, max: 1, noNaN: true }),
});
const asStored = (t: {
  slug: string;
  name: string;
  answers: number;
  ratings: number;
  strength: number;
}): TopicResults => ({
  ...t,
  strength: t.answers + t.ratings ? t.strength : null,
});

describe("topic strength on the dashboard", () => {
  it("shows a topic without results as not practised, never as 0%", () => {
    expect(standing({ slug: "orm", name: "ORM", answers: 0, ratings: 0, strength: null })).toEqual({
      slug: "orm",
      name: "ORM",
      state: "not_practised",
    });
  });

  it("marks a figure resting on one answer, or fewer than three results, as tentative", () => {
    expect(standing({ slug: "orm", name: "ORM", answers: 1, ratings: 0, strength: 0 })).toMatchObject({
      state: "tentative",
      strength: 0,
    });
    expect(standing({ slug: "orm", name: "ORM", answers: 1, ratings: 1, strength: 0.5 })).toMatchObject({
      state: "tentative",
    });
    expect(standing({ slug: "orm", name: "ORM", answers: 2, ratings: 1, strength: 0.5 })).toMatchObject({
      state: "judged",
    });
    expect(TENTATIVE_BELOW).toBe(3);
  });

  it("says what a figure rests on", () => {
    expect(basisText({ answers: 1, ratings: 0 })).toBe("from 1 answer");
    expect(basisText({ answers: 4, ratings: 2 })).toBe("from 4 answers and 2 ratings");
    expect(basisText({ answers: 0, ratings: 1 })).toBe("from 1 rating");
  });

  it("never lists a topic nobody practised among the weakest, and lists the weakest first", () => {
    fc.assert(
      fc.property(fc.array(topic, { maxLength: 12 }), (raw) => {
        const topics = raw.map(asStored).map(standing);
        const weakest = weakestTopics(topics);
        expect(weakest.length).toBeLessThanOrEqual(3);
        for (const t of weakest) {
          expect(t.state).not.toBe("not_practised");
          expect(t.strength).toBeLessThan(0.7);
        }
        for (let i = 1; i < weakest.length; i++)
          expect(weakest[i]!.strength).toBeGreaterThanOrEqual(weakest[i - 1]!.strength);
        const candidates = topics.filter((t) => t.state !== "not_practised" && t.strength < 0.7);
        expect(weakest.length).toBe(Math.min(3, candidates.length));
      }),
    );
  });

  it("lists no weakest topics for a user whose only activity was skipping", () => {
    const topics = ["orm", "views", "security"].map((slug) =>
      standing({ slug, name: slug, answers: 0, ratings: 0, strength: null }),
    );
    expect(weakestTopics(topics)).toEqual([]);
  });
});
