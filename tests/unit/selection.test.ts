import { describe, expect, it } from "vitest";
import { apportion } from "@/lib/interviews/random";
import { selectQuestions, type Candidate, type SelectionInput } from "@/lib/interviews/selection";

const difficulties = ["easy", "medium", "hard"] as const;
const candidates: Candidate[] = ["orm", "views", "security", "testing"].flatMap((topic) =>
  Array.from({ length: 12 }, (_, i) => ({
    id: `${topic}-${i}`,
    topic,
    difficulty: difficulties[i % 3]!,
    kind: "written" as const,
  })),
);
const base: SelectionInput = {
  candidates,
  questionCount: 8,
  codingProblems: 0,
  topicWeights: { orm: 3, views: 1, security: 2, testing: 2 },
  difficultyMix: { easy: 0.25, medium: 0.5, hard: 0.25 },
  seed: 42,
};
const topicOf = (id: string) => id.split("-")[0]!;
const count = (ids: string[], f: (id: string) => string) =>
  ids.reduce<Record<string, number>>((m, id) => ({ ...m, [f(id)]: (m[f(id)] ?? 0) + 1 }), {});
const difficultyOf = (id: string) => candidates.find((c) => c.id === id)!.difficulty;

describe("apportion", () => {
  it("splits by weight with the largest remainders and sums to the total", () => {
    expect(apportion(8, { a: 3, b: 1, c: 2, d: 2 })).toEqual({ a: 3, b: 1, c: 2, d: 2 });
    expect(apportion(7, { easy: 0.2, medium: 0.5, hard: 0.3 })).toEqual({ easy: 1, medium: 4, hard: 2 });
    expect(Object.values(apportion(5, { x: 1, y: 1, z: 1 })).reduce((a, b) => a + b)).toBe(5);
    expect(apportion(3, { x: 0, y: 0 })).toEqual({ x: 0, y: 0 });
  });
});

describe("selectQuestions", () => {
  it("follows the topic weights and the difficulty mix", () => {
    const ids = selectQuestions(base);
    expect(ids).toHaveLength(8);
    expect(count(ids, topicOf)).toEqual({ orm: 3, views: 1, security: 2, testing: 2 });
    expect(count(ids, difficultyOf)).toEqual({ easy: 2, medium: 4, hard: 2 });
  });

  it("never repeats a question, even when the pool is barely big enough", () => {
    const small = candidates.filter((c) => c.topic === "orm").slice(0, 5);
    const ids = selectQuestions({ ...base, candidates: small, topicWeights: { orm: 1 }, questionCount: 8 });
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
  });

  it("is reproducible from its seed and varies with it", () => {
    expect(selectQuestions(base)).toEqual(selectQuestions(base));
    const seeds = new Set(Array.from({ length: 10 }, (_, seed) => selectQuestions({ ...base, seed }).join()));
    expect(seeds.size).toBeGreaterThan(5);
  });

  it("prefers questions the user has not seen, then those they scored low on", () => {
    // One question of each difficulty is unseen / weak, so the mix can be met either way.
    const fresh = new Set(["views-6", "views-7", "views-8"]);
    const history = new Map(
      candidates.filter((c) => c.topic === "views" && !fresh.has(c.id)).map((c) => [c.id, { bestScore: 0.9 }]),
    );
    const [views] = selectQuestions({ ...base, history }).filter((id) => topicOf(id) === "views");
    expect(fresh.has(views!)).toBe(true);

    const weak = new Set(["views-3", "views-4", "views-5"]);
    const allSeen = new Map(candidates.map((c) => [c.id, { bestScore: weak.has(c.id) ? 0.1 : 0.9 }]));
    const [again] = selectQuestions({ ...base, history: allSeen }).filter((id) => topicOf(id) === "views");
    expect(weak.has(again!)).toBe(true);
  });

  it("keeps to the focus topics when given", () => {
    const ids = selectQuestions({ ...base, topicFocus: ["security", "testing"] });
    expect(new Set(ids.map(topicOf))).toEqual(new Set(["security", "testing"]));
    expect(ids).toHaveLength(8);
  });

  it("includes coding problems when the profile asks and the bank has them, placed last", () => {
    const coding: Candidate[] = [{ id: "orm-code-1", topic: "orm", difficulty: "medium", kind: "coding" }];
    const ids = selectQuestions({ ...base, candidates: [...candidates, ...coding], codingProblems: 1 });
    expect(ids).toHaveLength(8);
    expect(ids.at(-1)).toBe("orm-code-1");
    expect(selectQuestions({ ...base, codingProblems: 1 })).toHaveLength(8); // none in the bank: all written
  });

  it("picks coding problems by the difficulty mix too: a three-problem assessment is one of each, whatever the seed", () => {
    const problems: Candidate[] = Array.from({ length: 30 }, (_, i) => ({
      id: `algo-${i}`,
      topic: "algo",
      // Mostly hard: picking by freshness alone would often give three hard problems.
      difficulty: i % 10 === 0 ? "easy" : i % 10 === 1 ? "medium" : "hard",
      kind: "coding",
    }));
    const assessment = {
      candidates: problems,
      questionCount: 3,
      codingProblems: 3,
      topicWeights: { algo: 1 },
      difficultyMix: { easy: 0.34, medium: 0.33, hard: 0.33 },
    };
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const ids = selectQuestions({ ...assessment, seed });
      const mix = ids.map((id) => problems.find((p) => p.id === id)!.difficulty).sort();
      expect([seed, mix]).toEqual([seed, ["easy", "hard", "medium"]]);
    }
  });

  it("gives each coding topic the whole slots its weight earns, and the rest to the freshest of any topic", () => {
    const problems: Candidate[] = ["algo", "sql", "orm"].flatMap((topic) =>
      Array.from({ length: 12 }, (_, i) => ({
        id: `${topic}-${i}`,
        topic,
        difficulty: difficulties[i % 3]!,
        kind: "coding" as const,
      })),
    );
    const assessment = {
      candidates: problems,
      questionCount: 3,
      codingProblems: 3,
      topicWeights: { algo: 2, sql: 1 },
      difficultyMix: { easy: 0.34, medium: 0.33, hard: 0.33 },
    };
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const ids = selectQuestions({ ...assessment, seed });
      expect([seed, count(ids, topicOf)]).toEqual([seed, { algo: 2, sql: 1 }]);
      expect([seed, ids.map((id) => problems.find((p) => p.id === id)!.difficulty).sort()]).toEqual([
        seed,
        ["easy", "hard", "medium"],
      ]);
    }
    // One slot over three equal topics earns none whole: whichever is freshest, so it varies with the seed.
    const one = new Set(
      [1, 2, 3, 4, 5, 6, 7, 8].map((seed) =>
        topicOf(
          selectQuestions({ ...assessment, topicWeights: { algo: 1, sql: 1, orm: 1 }, codingProblems: 1, seed })[0]!,
        ),
      ),
    );
    expect(one.size).toBeGreaterThan(1);
    // A slot left over is drawn by topic weight, not by how many problems a topic has.
    const lopsided = [
      ...problems.filter((p) => p.topic === "algo"),
      ...problems.filter((p) => p.topic === "sql").slice(0, 2),
    ];
    const seeds = Array.from({ length: 60 }, (_, i) => i + 1);
    const sqlShare =
      seeds.filter(
        (seed) =>
          topicOf(
            selectQuestions({
              ...assessment,
              candidates: lopsided,
              topicWeights: { algo: 1, sql: 3 },
              codingProblems: 1,
              seed,
            })[0]!,
          ) === "sql",
      ).length / seeds.length;
    expect(sqlShare).toBeGreaterThan(0.55);
  });
});
