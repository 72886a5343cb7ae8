import { describe, expect, it } from "vitest";
import { deriveRubric, rubricOfContent, scoredPoints } from "@/lib/scoring/derive";
import { keyPointCoverage, SCORED_CHARACTERS, type ScoredPoint } from "@/lib/scoring/match";
import { conceptSchema } from "@/lib/schemas/rubric";
import { americanSpelling, identifierParts, normaliseWord, readWords } from "@/lib/scoring/text";

const point = (any: string[][], disqualifiers: string[][] = []): ScoredPoint => ({
  text: "the point",
  rubric: {
    concepts: any.map((expressions, i) => ({ name: `concept ${i + 1}`, any: expressions })),
    disqualifiers: disqualifiers.map((expressions, i) => ({ name: `mistake ${i + 1}`, any: expressions })),
  },
});
const covered = (answer: string, p: ScoredPoint) => keyPointCoverage(answer, [p]).points[0]!.covered;

describe("words as the scorer hears them", () => {
  it.each([
    ["authorise", "authorize"],
    ["authorised", "authorized"],
    ["authorisation", "authorization"],
    ["unauthorised", "unauthorized"],
    ["serialiser", "serializer"],
    ["serialise", "serialize"],
    ["normalising", "normalizing"],
    ["tokenise", "tokenize"],
    ["behaviour", "behavior"],
    ["licence", "license"],
    ["catalogue", "catalog"],
    ["cancelled", "canceled"],
    ["modelling", "modeling"],
    ["centre", "center"],
    ["defence", "defense"],
    ["optimisation", "optimization"],
  ])("folds the British %s and the American %s together", (british, american) => {
    expect(normaliseWord(british)).toBe(normaliseWord(american));
  });

  it.each([
    ["caching", "cached"],
    ["queries", "query"],
    ["deleted", "deletion"],
    ["fixtures", "fixture"],
    ["permissions", "permission"],
    ["migrations", "migrate"],
  ])("stems %s and %s to one word (Porter2)", (a, b) => {
    expect(normaliseWord(a)).toBe(normaliseWord(b));
  });

  it("leaves words that are the same in both spellings alone", () => {
    expect(americanSpelling("raise")).toBe("raise");
    expect(americanSpelling("cache")).toBe("cache");
  });

  it.each(["constructor", "toString", "hasOwnProperty", "valueOf", "__proto__"])(
    "reads %s, a name Object.prototype has, as a word",
    (word) => {
      expect(americanSpelling(word)).toBe(word);
      expect(readWords(`the ${word} runs once`).list.map((w) => w.stem)).toContain(
        normaliseWord(word.replace(/_/g, "").toLowerCase()),
      );
    },
  );

  it.each([
    ["select_related", ["select", "related"]],
    ["LoginRequiredMixin", ["login", "required", "mixin"]],
    ["HTTPResponseRedirect", ["http", "response", "redirect"]],
    ["django.contrib.auth", ["django", "contrib", "auth"]],
    ["raise_exception", ["raise", "exception"]],
    ["CONN_MAX_AGE", ["conn", "max", "age"]],
    ["sha256", ["sha256"]],
    ["many-to-many", ["many", "to", "many"]],
  ])("splits the identifier %s", (identifier, parts) => {
    expect(identifierParts(identifier)).toEqual(parts);
  });

  it("keeps every part of an identifier or compound, stop words included", () => {
    const stems = (text: string) =>
      readWords(text)
        .list.filter((w) => !w.whole)
        .map((w) => w.stem);
    expect(stems("on_delete")).toEqual(["on", "delet"]);
    expect(stems("HttpOnly")).toEqual(["http", "onli"]);
    expect(stems("__all__")).toEqual(["all"]);
    expect(stems("many-to-many")).toEqual(["mani", "to", "mani"]);
    expect(stems("only on delete")).toEqual(["delet"]);
  });

  it("drops stop words and keeps N+1 as one token however it is spaced", () => {
    expect(readWords("It should be the answer").list.map((w) => w.stem)).toEqual(["answer"]);
    for (const spelling of ["N+1", "n + 1", "N +1"])
      expect(readWords(`the ${spelling} problem`).list.map((w) => w.stem)).toEqual([
        normaliseWord("nplusone"),
        "problem",
      ]);
  });
});

describe("key point coverage", () => {
  it("hears an identifier however it is written", () => {
    const p = point([["select_related"]]);
    for (const answer of [
      "use select_related()",
      "Use select related on the FK",
      "selectrelated",
      "`qs.select_related('author')`",
      "SelectRelated",
    ]) {
      expect(covered(answer, p), answer).toBe(true);
    }
    expect(covered("use prefetch_related", p)).toBe(false);
  });

  it("hears a phrase in any order when its words are close together, not when they are far apart", () => {
    const p = point([["mark rows deleted"]]);
    expect(covered("Rows get marked as deleted.", p)).toBe(true);
    expect(covered("Deleted rows are only marked.", p)).toBe(true);
    expect(
      covered("Mark the ticket, then after a long review of many other unrelated things the rows are deleted.", p),
    ).toBe(false);
  });

  it("counts the distance between words in words: an identifier is as far as its parts, not one word further", () => {
    const p = point([["RUN collectstatic"]]);
    expect(covered("RUN python manage.py collectstatic --noinput", p)).toBe(true);
    expect(covered("RUN python -m pip install --upgrade pip wheel && collectstatic", p)).toBe(false);
  });

  it("hears an expression's words within one sentence only", () => {
    const p = point([["url validation"]]);
    expect(covered("Validate every URL before you redirect.", p)).toBe(true);
    expect(covered("javascript: URLs are bad. Validate forms.", p)).toBe(false);
  });

  it("pairs a repeated word with its occurrence in the same sentence, not with a nearer one across a full stop", () => {
    const p = point([["content outside blocks rendered"]]);
    expect(covered("Undefined blocks render empty. Content outside blocks is rendered too.", p)).toBe(true);
    expect(covered("Content outside is dropped. Blocks are rendered.", p)).toBe(false);
    const claim = point([["escaping"]], [["mark_safe sanitises"]]);
    expect(
      covered("Escaping stays on. mark_safe is a promise. It sanitises nothing, it is just escaping skipped.", claim),
    ).toBe(true);
    expect(covered("Escaping stays on, but mark_safe sanitises the string.", claim)).toBe(false);
  });

  it("reads a dot that begins a word (.env, .get()) as part of it, not as the end of a sentence", () => {
    const p = point([["commit env file"]]);
    expect(covered("Never commit the .env file to git", point([["never commit env"]]))).toBe(true);
    expect(covered("We commit the .env file, which is wrong", p)).toBe(true);
    expect(covered("We commit. Env file is separate", p)).toBe(false);
  });

  it("reads empty call brackets as part of the name before them, not as the end of a clause", () => {
    const claim = point([["authenticate"]], [["authenticate logs in"]]);
    expect(covered("authenticate() logs the user in", claim)).toBe(false);
    expect(covered("authenticate() checks the credentials; login() logs the user in", claim)).toBe(true);
    expect(covered("authenticate (the first backend that accepts) then login logs the user in", claim)).toBe(true);
  });

  it("needs every required concept and any one expression of each", () => {
    const p = point([["403", "forbidden", "PermissionDenied"], ["raise_exception"]]);
    expect(covered("permission_required(raise_exception=True) answers 403", p)).toBe(true);
    expect(covered("It raises PermissionDenied when raise_exception is set", p)).toBe(true);
    expect(covered("It answers 403 Forbidden", p)).toBe(false);
  });

  it("quotes the answer's phrase for what it heard and names what it did not", () => {
    const [verdict] = keyPointCoverage("Add an is_deleted flag, then filter it out.", [
      point([["is deleted", "deleted_at"], ["custom manager"]]),
    ]).points;
    expect(verdict!.covered).toBe(false);
    expect(verdict!.heard).toEqual([{ concept: "concept 1", phrase: "is_deleted" }]);
    expect(verdict!.missing).toEqual(["concept 2"]);
  });

  it("does not take a term alone as a concept in an answer that makes a wrong claim, and says so", () => {
    const points = [
      { text: "select_related for FK", rubric: point([["select_related foreign key", "select_related"]]).rubric },
      {
        text: "acks_late: at least once",
        rubric: point([["at-least-once", "acks_late"]], [["acknowledged receipt"]]).rubric,
      },
    ];
    const named = "Use select_related. acks_late means the message is acknowledged on receipt.";
    const [fk, acks] = keyPointCoverage(named, points).points;
    expect(acks).toMatchObject({ covered: false, wrong: [{ concept: "mistake 1" }] });
    expect(fk).toMatchObject({ covered: false, heard: [], missing: ["concept 1"] });
    expect(fk!.named).toEqual([{ concept: "concept 1", phrase: "select_related" }]);
    // Stated, not only named, it counts; and without a wrong claim in the answer a term is enough.
    const stated = "select_related follows the foreign key. acks_late means the message is acknowledged on receipt.";
    expect(keyPointCoverage(stated, points).points[0]).toMatchObject({ covered: true, named: [] });
    expect(keyPointCoverage("Use select_related.", points).points[0]).toMatchObject({ covered: true, named: [] });
  });

  it("does not count a point whose disqualifier is said, unless it is negated", () => {
    const p = point([["select_related"]], [["select_related many-to-many"]]);
    expect(keyPointCoverage("select_related works for many-to-many fields", [p]).points[0]).toMatchObject({
      covered: false,
      wrong: [{ concept: "mistake 1" }],
    });
    expect(covered("select_related follows foreign keys and does not follow many-to-many fields", p)).toBe(true);
    expect(covered("select_related follows foreign keys; never use select_related for many-to-many", p)).toBe(true);
    expect(covered("select_related follows foreign keys; select_related for many-to-many isn't possible", p)).toBe(
      true,
    );
    // A wrong claim is made within one clause.
    expect(covered("select_related for FKs, prefetch for many-to-many", p)).toBe(true);
  });

  it("hears a concept only with its own polarity: not in a negated clause, and a negative one only when negated", () => {
    const idempotent = point([["idempotent"]]);
    expect(covered("Tasks must be idempotent.", idempotent)).toBe(true);
    for (const answer of [
      "Tasks don't need to be idempotent.",
      "With acks_late, tasks are never idempotent",
      "Not idempotent, and that is fine.",
    ]) {
      expect(covered(answer, idempotent), answer).toBe(false);
    }
    // The negation ends with its clause.
    expect(covered("It does not retry, so tasks must be idempotent", idempotent)).toBe(true);
    const noGain = point([["no gain", "not faster"]]);
    expect(covered("Async gives no gain for CPU-bound work", noGain)).toBe(true);
    expect(covered("Async is not any faster for CRUD", noGain)).toBe(true);
    expect(covered("Async is faster for CRUD", noGain)).toBe(false);
  });

  it("does not hear a concept its own clause denies right after it (X isn't, X doesn't)", () => {
    const rls = point([["row-level security"]]);
    expect(covered("Use Postgres row-level security as a second line of defence.", rls)).toBe(true);
    for (const answer of [
      "Postgres row-level security doesn't work with Django.",
      "Row-level security is not needed here.",
      "row-level security won't help",
    ]) {
      expect(covered(answer, rls), answer).toBe(false);
    }
    // Only within its clause, and only a negated verb: a later negation in another clause, or one that begins
    // what follows, is about something else.
    expect(covered("Row-level security, then tests that no tenant sees another's rows.", rls)).toBe(true);
    expect(covered("Row-level security rather than checks in every view", rls)).toBe(true);
    expect(covered("Row-level security and not just checks in views", rls)).toBe(true);
  });

  it("hears # on any number written in digits, and a percent sign as 'percent'", () => {
    const scale = point([["# users", "# a day"]]);
    for (const answer of [
      "About 300 internal users on the admin.",
      "Roughly 2k appointments a day across 40 clinics.",
      "60k claims a day at peak",
      "1.5m users",
    ]) {
      expect(covered(answer, scale), answer).toBe(true);
    }
    for (const answer of ["Many users, every day.", "# users is a comment", "Users: a few."]) {
      expect(covered(answer, scale), answer).toBe(false);
    }
    const result = point([["cut # percent", "reduced # percent"]]);
    expect(covered("The reminders cut no-shows by 30%.", result)).toBe(true);
    expect(covered("It reduced p95 latency by 45 percent", result)).toBe(true);
    expect(covered("It cut no-shows a lot.", result)).toBe(false);
    // The quote is the answer's own text, the sign included.
    const [p] = keyPointCoverage("The reminders cut no-shows by 30%.", [result]).points;
    expect(p!.heard[0]!.phrase).toBe("cut no-shows by 30%");
  });

  it("scores the share of points covered, and an empty answer covers nothing", () => {
    const points = [point([["cache"]]), point([["index"]]), point([["select_related"]])];
    expect(keyPointCoverage("cache it and add an index", points).score).toBeCloseTo(2 / 3);
    expect(keyPointCoverage("", points).score).toBe(0);
    expect(keyPointCoverage("anything", []).score).toBe(0);
  });

  it("is deterministic and bounded on long or hostile answers", () => {
    const p = point([["cache invalidation"], ["redis"]]);
    const long = "cache ".repeat(100_000) + " invalidation redis";
    const started = performance.now();
    const first = keyPointCoverage(long, [p]);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(first).toEqual(keyPointCoverage(long, [p]));
    expect(long.length).toBeGreaterThan(SCORED_CHARACTERS);
    expect(first.points[0]!.covered).toBe(false);
  });

  it.each([
    ["underscores", "_".repeat(100_000)],
    ["an identifier that never ends", "a_".repeat(50_000)],
    ["a letter then separators", "a" + "_-.".repeat(33_000)],
    ["hyphens", "a-".repeat(50_000)],
    ["plus signs", "n+".repeat(50_000)],
    ["camel humps", "aB".repeat(50_000)],
    ["one long word", "x".repeat(100_000)],
    ["NUL and fences", "\u0000 ``` ".repeat(10_000)],
    ["the rubric's own words, negated, over and over", "no cache invalidation redis ".repeat(2_000)],
  ])("reads a hostile answer (%s) in linear time", (_name, answer) => {
    const p = point([["cache invalidation"], ["redis"]], [["select_related many-to-many"]]);
    const started = performance.now();
    expect(keyPointCoverage(answer, [p, p, p, p, p, p]).score).toBe(0);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe("derived rubrics (imported questions)", () => {
  it("requires the identifiers a sentence names", () => {
    expect(deriveRubric("Use `select_related` for FK lookups").concepts.map((c) => c.name)).toEqual([
      "select_related",
      "FK",
    ]);
    expect(deriveRubric("Unauthorised users get 403").concepts.map((c) => c.name)).toEqual(["403"]);
  });

  it("falls back to the two longest significant words and marks the rubric derived", () => {
    expect(deriveRubric("Explain the template inheritance chain").concepts.map((c) => c.name)).toEqual([
      "inheritance",
      "template",
    ]);
    expect(rubricOfContent(["a point", "another"]).derived).toBe(true);
    expect(rubricOfContent([]).derived).toBe(true);
    expect(rubricOfContent([{ text: "x", concepts: [{ name: "c", any: ["cache"] }], disqualifiers: [] }]).derived).toBe(
      false,
    );
  });

  it("keeps the sentence's negation in a derived rubric", () => {
    const rubric = deriveRubric("Lazy querysets are built but not executed");
    expect(rubric.concepts.map((c) => c.any)).toEqual([["querysets"], ["not executed"]]);
    const p = { text: "x", rubric };
    expect(
      keyPointCoverage("The queryset is built lazily and not executed until iterated", [p]).points[0]!.covered,
    ).toBe(true);
    expect(keyPointCoverage("The queryset is built and executed at once", [p]).points[0]!.covered).toBe(false);
  });

  it("derives when a stored rubric does not fit the key points", () => {
    const points = scoredPoints(["Cache with Redis", "Index the column"], { derived: false, points: [] });
    expect(points.map((p) => p.rubric.concepts.length)).toEqual([2, 2]);
  });
});

describe("rubric expressions", () => {
  it.each(["#", "not #", "# #", "the", "not", ""])("refuses %j: nothing an answer would say", (expression) => {
    expect(conceptSchema.safeParse({ name: "a concept", any: [expression] }).success).toBe(false);
  });
  it.each(["# users", "cut # percent", "403", "select_related", "not durable"])("accepts %j", (expression) => {
    expect(conceptSchema.safeParse({ name: "a concept", any: [expression] }).success).toBe(true);
  });
});
