// POST /api/me/import as a class: documents where one field at a time is replaced by a value the routes
// that create it would refuse (past int4, 1e308, years 1 and 9999, unknown time zones, FSRS states out of
// range, duplicates, NUL …) are refused whole with 400 naming the field, and nothing is written; counts and
// sizes over their limits answer 413 naming the limit; a valid document round-trips through the export.
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { IMPORT_LIMITS, type ExportDocument } from "@/lib/schemas/export-document";
import { isTimeZone } from "@/lib/schemas/fields";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { userFactory } from "../factories";
import { EMPTY, importAs, owned, validDocument } from "../support/account-documents";

function setAt(doc: unknown, at: (string | number)[], value: unknown) {
  let node = doc as Record<string | number, unknown>;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[at.at(-1)!] = value;
}

// ---- Values the routes would refuse, by kind of field ----
const constants = (...values: unknown[]) => fc.constantFrom(...values);
const notANumber = constants("12", "NaN", "Infinity", true, [], {}, "");
const badCounter = fc.oneof(
  fc.integer({ min: 1_000_000_001, max: Number.MAX_SAFE_INTEGER }),
  fc.integer({ min: -(2 ** 53), max: -1 }),
  fc.double({ min: 0.01, max: 1e6, noNaN: true, noInteger: true }),
  constants(2 ** 31, 2 ** 31 - 1, 1e308, -1e308),
  notANumber,
);
const badInt4 = fc.oneof(
  fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER }),
  fc.integer({ min: -(2 ** 53), max: -1 }),
  fc.double({ min: 0.01, max: 1e6, noNaN: true, noInteger: true }),
  constants(1e308),
  notANumber,
);
const badScore = fc.oneof(
  fc.double({ min: 1.000001, max: 1e308, noNaN: true }),
  fc.double({ min: -1e308, max: -0.000001, noNaN: true }),
  notANumber,
);
const badDate = fc.oneof(
  fc
    .date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("1969-12-31T23:59:59.999Z"), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc
    .date({ min: new Date("2200-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true })
    .map((d) => d.toISOString()),
  constants(
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "yesterday",
    "2026-02-30T00:00:00Z",
    "2026-01-01",
    "",
    1767225600000,
    "+010000-01-01T00:00:00Z",
    null,
  ),
);
const badZone = fc.oneof(
  constants(
    "Mars/Olympus_Mons",
    "UTC+25",
    "",
    "Etc/GMT+99",
    "Europe/London; drop table users",
    "x".repeat(65),
    "local",
    5,
    null,
  ),
  fc.string().filter((s) => !isTimeZone(s)),
);
const badEnum = fc.oneof(
  constants("bogus", "", "GOOD", "Good", 1, null, []),
  fc
    .string()
    .filter(
      (s) =>
        ![
          "again",
          "hard",
          "good",
          "easy",
          "strict",
          "practice",
          "extended",
          "finished",
          "expired",
          "abandoned",
          "in_progress",
          "manual",
          "rated",
          "low_score",
          "skipped",
          "review",
          "interview",
        ].includes(s),
    ),
);
const badText = constants("x".repeat(100 * 1024 + 1), "é".repeat(51_201), "a\u0000b", 5, null);
const badSlug = fc.oneof(
  constants("Not A Slug", "../etc/passwd", "", "a".repeat(121), "UPPER", "a--b", 7, null),
  fc.string().map((s) => `${s}\u0000`),
);

/** [path, values that must be refused there]; the error must name exactly that path. */
const valueCases: [(string | number)[], fc.Arbitrary<unknown>][] = [
  [
    ["profile", "timeMultiplier"],
    fc.oneof(
      constants(0, 3, 1000, 1e308, -1, 1.25, "2", null),
      fc.double({ noNaN: true }).filter((n) => ![1, 1.5, 2].includes(n)),
    ),
  ],
  [["profile", "timeZone"], badZone],
  [["profile", "createdAt"], badDate],
  [["exportedAt"], badDate],
  [["interviews", 0, "seed"], badInt4],
  [["interviews", 0, "mode"], badEnum],
  [["interviews", 0, "status"], badEnum],
  [["interviews", 0, "score"], badScore.filter((v) => v !== null)],
  [["interviews", 0, "startedAt"], badDate],
  [
    ["interviews", 1, "timeMultiplier"],
    fc.oneof(
      constants(1, 3, 1000, 1e308, 0, -2, "2"),
      fc.double({ noNaN: true }).filter((n) => ![1.5, 2].includes(n)),
    ),
  ],
  [["interviews", 0, "questions", 0, "position"], fc.oneof(fc.integer({ min: 60, max: 2 ** 31 }), badInt4)],
  [["interviews", 0, "questions", 0, "revision"], badCounter],
  [["interviews", 0, "questions", 0, "timeSpentSeconds"], fc.oneof(fc.integer({ min: 86_401, max: 2 ** 40 }), badInt4)],
  [["interviews", 0, "questions", 0, "content"], badText],
  [["interviews", 0, "questions", 0, "answeredAt"], badDate.filter((v) => v !== null)],
  [["interviews", 0, "questions", 0, "score"], badScore],
  [["interviews", 0, "questions", 0, "rating"], badEnum.filter((v) => v !== null)],
  [["interviews", 0, "questions", 0, "question"], badSlug],
  [
    ["interviews", 0, "questions", 0, "coverage"],
    constants(
      Array.from({ length: 7 }, () => ({ point: "p", covered: true, matched: [], missing: [] })),
      [{ point: "x".repeat(201), covered: true, matched: [], missing: [] }],
      "all",
      [{}],
    ),
  ],
  [["practiceAnswers", 0, "revision"], badCounter],
  [["practiceAnswers", 0, "draft"], badText],
  [
    ["practiceAnswers", 0, "versions", 0, "number"],
    fc.oneof(fc.integer({ min: 1_001, max: 2 ** 31 }), constants(0), badInt4),
  ],
  [["practiceAnswers", 0, "versions", 0, "score"], badScore],
  [["practiceAnswers", 0, "versions", 0, "createdAt"], badDate],
  [["notes", 0, "content"], badText],
  [["notes", 0, "revision"], fc.oneof(badCounter, constants(0))],
  [["notes", 0, "question"], badSlug],
  [["bookmarks", 0, "createdAt"], badDate],
  [["sets", 0, "name"], constants("", "   ", "x".repeat(81), "a\u0007b", null, 5)],
  [["sets", 0, "description"], constants("x".repeat(501), null)],
  [["reviewCards", 0, "state"], fc.oneof(fc.integer({ min: 4, max: 2 ** 31 }), badInt4)],
  [
    ["reviewCards", 0, "stability"],
    fc.oneof(
      fc.double({ min: 36_500.001, max: 1e308, noNaN: true }),
      fc.double({ min: -1e308, max: -0.001, noNaN: true }),
      notANumber,
    ),
  ],
  [
    ["reviewCards", 0, "difficulty"],
    fc.oneof(
      fc.double({ min: 10.001, max: 1e308, noNaN: true }),
      fc.double({ min: -1e308, max: -0.001, noNaN: true }),
      notANumber,
    ),
  ],
  [["reviewCards", 0, "reps"], badCounter],
  [["reviewCards", 0, "lapses"], badCounter],
  [["reviewCards", 0, "scheduledDays"], fc.oneof(fc.integer({ min: 36_501, max: 2 ** 31 }), badInt4)],
  [["reviewCards", 0, "due"], badDate],
  [["reviewCards", 0, "reason"], badEnum],
  [["reviewLog", 0, "rating"], badEnum],
  [["reviewLog", 0, "source"], badEnum],
  [["reviewLog", 0, "reviewedAt"], badDate],
];

/** Documents wrong as a whole: duplicates, rules across fields, structure. [what, expected path, change]. */
const structureCases: [string, string, (doc: ExportDocument) => void][] = [
  [
    "a question twice in an interview",
    "interviews.0.questions.1.question",
    (d) => void (d.interviews[0]!.questions[1]!.question = d.interviews[0]!.questions[0]!.question),
  ],
  [
    "a position twice in an interview",
    "interviews.0.questions.1.position",
    (d) => void (d.interviews[0]!.questions[1]!.position = d.interviews[0]!.questions[0]!.position),
  ],
  [
    "a version number twice",
    "practiceAnswers.0.versions.1.number",
    (d) => void (d.practiceAnswers[0]!.versions[1]!.number = 1),
  ],
  ["a set name twice", "sets.1.name", (d) => void (d.sets[1]!.name = d.sets[0]!.name)],
  ["a set name twice once trimmed", "sets.1.name", (d) => void (d.sets[1]!.name = ` ${d.sets[0]!.name} `)],
  ["a question twice in a set", "sets.0.questions.1", (d) => void (d.sets[0]!.questions[1] = d.sets[0]!.questions[0]!)],
  ["two notes on one question", "notes.1.question", (d) => void (d.notes[1]!.question = d.notes[0]!.question)],
  [
    "two bookmarks of one question",
    "bookmarks.1.question",
    (d) => void (d.bookmarks[1]!.question = d.bookmarks[0]!.question),
  ],
  [
    "two practice answers to one question",
    "practiceAnswers.1.question",
    (d) => void (d.practiceAnswers[1]!.question = d.practiceAnswers[0]!.question),
  ],
  [
    "two review cards for one question",
    "reviewCards.1.question",
    (d) => void (d.reviewCards[1]!.question = d.reviewCards[0]!.question),
  ],
  [
    "a deadline in practice mode",
    "interviews.2.deadlineAt",
    (d) => void (d.interviews[2]!.deadlineAt = d.interviews[2]!.startedAt),
  ],
  ["no deadline in strict mode", "interviews.0.deadlineAt", (d) => void (d.interviews[0]!.deadlineAt = null)],
  ["extra time in strict mode", "interviews.0.timeMultiplier", (d) => void (d.interviews[0]!.timeMultiplier = 2)],
  [
    "an interview that ends before it starts",
    "interviews.0.endedAt",
    (d) => void (d.interviews[0]!.endedAt = "2024-12-31T00:00:00.000Z"),
  ],
  [
    "a reviewed card without stability",
    "reviewCards.0.stability",
    (d) => void Object.assign(d.reviewCards[0]!, { state: 2, stability: 0 }),
  ],
  [
    "a reviewed card with difficulty below 1",
    "reviewCards.0.difficulty",
    (d) => void Object.assign(d.reviewCards[0]!, { state: 1, difficulty: 0.5 }),
  ],
  [
    "61 questions in an interview",
    "interviews.0.questions",
    (d) =>
      void (d.interviews[0]!.questions = Array.from({ length: 61 }, (_, p) => ({
        ...d.interviews[0]!.questions[0]!,
        position: p,
        question: `q-${p}`,
      }))),
  ],
  ["no review log", "reviewLog", (d) => void delete (d as Partial<ExportDocument>).reviewLog],
  ["notes that are not a list", "notes", (d) => void ((d as Record<string, unknown>).notes = { 0: d.notes[0] })],
  ["a note that is not an object", "notes.0", (d) => void ((d.notes as unknown[])[0] = "note")],
  ["another version of the format", "version", (d) => void ((d as Record<string, unknown>).version = 2)],
  ["another format", "format", (d) => void ((d as Record<string, unknown>).format = "other")],
  ["a NUL in a key", "notes.0.a\\u0000b", (d) => void ((d.notes[0] as Record<string, unknown>)["a\u0000b"] = 1)],
];

let empty: string;
beforeAll(async () => {
  await loadBank(db(), readContent(path.resolve("tests/fixtures/content")));
  empty = (await userFactory()).id;
});

describe("an import that breaks one rule", () => {
  it("is refused whole with 400 naming the field, for any value a route would refuse there", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: valueCases.length - 1 }).chain((i) => fc.tuple(fc.constant(i), valueCases[i]![1])),
        async ([i, value]) => {
          const [at] = valueCases[i]!;
          const doc = validDocument();
          setAt(doc, at, value);
          const { status, body } = await importAs(empty, JSON.stringify(doc));
          expect(
            status,
            `${at.join(".")} = ${JSON.stringify(value)?.slice(0, 80)}: ${JSON.stringify(body).slice(0, 300)}`,
          ).toBe(400);
          // The field itself, or a part of it (an item of a list, a member of an object).
          const named = Object.keys(body.error!.fields!).filter(
            (key) => key === at.join(".") || key.startsWith(`${at.join(".")}.`),
          );
          expect(named, `${JSON.stringify(value)?.slice(0, 80)}: ${Object.keys(body.error!.fields!)}`).not.toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
    expect(await owned(empty)).toEqual(EMPTY);
  });

  it.each(structureCases)("%s: 400 at %s, nothing written", async (_what, at, change) => {
    const doc = validDocument();
    change(doc);
    const { status, body } = await importAs(empty, JSON.stringify(doc));
    expect(status, JSON.stringify(body).slice(0, 300)).toBe(400);
    expect(Object.keys(body.error!.fields!)).toContain(at);
    expect(await owned(empty)).toEqual(EMPTY);
  });

  it("the ones issue #19 reported: timeMultiplier 1000 and 1e308, years 1 and 9999, an unknown zone, past int4", async () => {
    for (const [at, value] of [
      [["profile", "timeMultiplier"], 1000],
      [["profile", "timeMultiplier"], 1e308],
      [["interviews", 0, "startedAt"], "0001-01-01T00:00:00.000Z"],
      [["reviewLog", 0, "reviewedAt"], "9999-12-31T00:00:00.000Z"],
      [["profile", "timeZone"], "Mars/Olympus_Mons"],
      [["interviews", 0, "seed"], 2 ** 31],
      [["notes", 0, "revision"], 2 ** 31],
      [["reviewCards", 0, "stability"], 1e308],
    ] as const) {
      const doc = validDocument();
      setAt(doc, [...at], value);
      const { status, body } = await importAs(empty, JSON.stringify(doc));
      expect(status).toBe(400);
      expect(body.error!.fields).toHaveProperty([at.join(".")]);
    }
    expect(await owned(empty)).toEqual(EMPTY);
  });

  it("reports every problem it finds (up to 20), not only the first", async () => {
    const doc = validDocument();
    doc.profile.timeZone = "Nowhere/Special";
    doc.notes[1]!.revision = -1;
    doc.reviewLog[3]!.rating = "great" as never;
    const { status, body } = await importAs(empty, JSON.stringify(doc));
    expect(status).toBe(400);
    expect(Object.keys(body.error!.fields!).sort()).toEqual([
      "notes.1.revision",
      "profile.timeZone",
      "reviewLog.3.rating",
    ]);
    doc.reviewLog = Array.from({ length: 40 }, () => ({ ...doc.reviewLog[0]!, due: "soon" }));
    expect(Object.keys((await importAs(empty, JSON.stringify(doc))).body.error!.fields!)).toHaveLength(20);
  });
});

describe("limits", () => {
  const minimal = (): ExportDocument => ({
    ...validDocument(),
    interviews: [],
    practiceAnswers: [],
    notes: [],
    bookmarks: [],
    sets: [],
    reviewCards: [],
    reviewLog: [],
  });

  it.each([
    [
      "bookmarks",
      IMPORT_LIMITS.bookmarks,
      (n: number) => ({ question: `unknown-${n}`, createdAt: "2026-01-01T00:00:00.000Z" }),
      "bookmarks",
    ],
    [
      "sets",
      IMPORT_LIMITS.sets,
      (n: number) => ({ name: `Set ${n}`, description: "", createdAt: "2026-01-01T00:00:00.000Z", questions: [] }),
      "sets",
    ],
    [
      "interviews",
      IMPORT_LIMITS.interviews,
      (n: number) => ({ ...validDocument().interviews[2]!, seed: n, questions: [] }),
      "interviews",
    ],
    [
      "reviewLog",
      IMPORT_LIMITS.reviewLog,
      (n: number) => ({
        question: `unknown-${n % 7}`,
        rating: "good",
        source: "review",
        reviewedAt: "2026-01-01T00:00:00.000Z",
        due: "2026-01-02T00:00:00.000Z",
      }),
      "review ratings",
    ],
  ] as const)(
    "%s: one over the limit is 413 naming it and the count; nothing written",
    async (kind, limit, row, words) => {
      const doc = { ...minimal(), [kind]: Array.from({ length: limit + 1 }, (_, n) => row(n)) };
      const { status, body } = await importAs(empty, JSON.stringify(doc));
      expect(status).toBe(413);
      const message = `An import holds at most ${limit.toLocaleString("en-US")} ${words}; this one has ${(limit + 1).toLocaleString("en-US")}.`;
      expect(body.error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message, fields: { [kind]: [message] } });
      expect(await owned(empty)).toEqual(EMPTY);
    },
  );

  it(`practice versions in all: ${IMPORT_LIMITS.practiceVersions.toLocaleString("en-US")} at most`, async () => {
    const version = validDocument().practiceAnswers[0]!.versions[0]!;
    const answers = Math.ceil((IMPORT_LIMITS.practiceVersions + 1) / 1_000);
    const doc = {
      ...minimal(),
      practiceAnswers: Array.from({ length: answers }, (_, n) => ({
        ...validDocument().practiceAnswers[0]!,
        question: `unknown-${n}`,
        versions: Array.from({ length: 1_000 }, (_, v) => ({ ...version, number: v + 1, coverage: [] })),
      })),
    };
    const { status, body } = await importAs(empty, JSON.stringify(doc));
    expect(status).toBe(413);
    expect(body.error!.message).toBe(
      `An import holds at most 20,000 practice versions in all; this one has ${(answers * 1_000).toLocaleString("en-US")}.`,
    );
  });

  it("a body over the byte limit is 413, whether it says its length or not", async () => {
    const declared = await importAs(empty, JSON.stringify(minimal()), {
      "content-length": String(IMPORT_LIMITS.bytes + 1),
    });
    expect(declared.status).toBe(413);
    expect(declared.body.error!.message).toBe("An import is at most 64 MB; this one is larger.");
    const megabyte = new Uint8Array(2 ** 20).fill(0x20);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += megabyte.byteLength;
        controller.enqueue(megabyte);
      },
    });
    const streamed = await importAs(empty, endless);
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(IMPORT_LIMITS.bytes + 4 * 2 ** 20); // it stopped reading at the limit
  });

  it("a row or a text too large to hold is refused while it arrives (413 naming it); JSON of 5 million objects stops at 20 problems", async () => {
    const doc = validDocument();
    (doc.interviews[0]!.questions[0]! as Record<string, unknown>).extra = Array.from({ length: 250_000 }, () => 0);
    expect(await importAs(empty, JSON.stringify(doc))).toMatchObject({
      status: 413,
      body: { error: { fields: { "interviews.0": [expect.stringMatching(/at most 200000 values/)] } } },
    });
    const text = validDocument();
    text.notes[1]!.content = "x".repeat(200_000);
    expect(await importAs(empty, JSON.stringify(text))).toMatchObject({
      status: 413,
      body: { error: { fields: { "notes.1": [expect.stringMatching(/text longer than/)] } } },
    });
    const objects = `{"interviews":[${"{},".repeat(5_000_000)}{}]}`;
    const started = Date.now();
    const { status, body } = await importAs(empty, objects);
    expect(status).toBe(400);
    expect(Object.keys(body.error!.fields!)).toHaveLength(20);
    console.info(
      `5,000,001 empty objects (${Math.round(objects.length / 2 ** 20)} MB, 325 MB of heap for JSON.parse) refused in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(await owned(empty)).toEqual(EMPTY);
  });

  it("runs one import at a time in a server: another meanwhile gets 429 with Retry-After, then the first completes", async () => {
    const first = await userFactory();
    const bytes = new TextEncoder().encode(JSON.stringify(validDocument()));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // A body that arrives slowly: its first half, then the rest once the second import has been answered.
    const slow = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(bytes.subarray(0, 100));
        await held;
        controller.enqueue(bytes.subarray(100));
        controller.close();
      },
    });
    const pending = importAs(first.id, slow);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = await userFactory();
    const busy = await importAs(second.id, JSON.stringify(validDocument()));
    expect(busy).toMatchObject({
      status: 429,
      retryAfter: "30",
      body: { error: { code: "RATE_LIMITED", message: expect.stringMatching(/Another import is running/) } },
    });
    release();
    expect((await pending).status).toBe(201);
    expect((await importAs(second.id, JSON.stringify(validDocument()))).status).toBe(201);
  });
});
