import { expect, test, type Page } from "@playwright/test";
import { e2eQuery } from "./db";
import { newEmail, registerViaApi, signInViaApi } from "./helpers";

// Every page a visitor or a member can reach, at a phone's width: nothing may be wider than the screen
// (a page that scrolls sideways hides its own edges and makes every tap a gamble).
test.use({ viewport: { width: 390, height: 844 } });

const PUBLIC_PAGES = [
  "/",
  "/questions",
  // Search results: snippets of model answers cut around a match, with long identifiers and code in them.
  "/questions?q=select_related+vs+prefetch_related",
  "/questions?q=middlware",
  "/questions/what-is-drf-and-why-use-it",
  "CODING",
  "/companies",
  "/companies/jpmorgan",
  "/dashboard",
  "/interviews",
  "/interviews/new",
  "/notes",
  "/sets",
  "/review",
  "/account",
  "/sign-in",
  "/sign-up",
  "/forgot-password",
  "/reset-password",
  "/status",
  "/no-such-page",
];

async function codingQuestion(): Promise<string> {
  const [problem] = await e2eQuery<{ slug: string }>(
    `select q.slug from "Question" q join "CodingProblem" c on c."questionId" = q.id order by length(q.prompt) desc limit 1`,
  );
  return `/questions/${problem!.slug}`;
}

type Overflow = { path: string; scrollWidth: number; innerWidth: number; widest: string[] };

/** The page's width against the screen's, and (to say what to fix) the elements that reach past its right edge. */
async function measure(page: Page, path: string): Promise<Overflow | null> {
  await page.goto(path);
  // Client components (editors, the room) finish laying out once their scripts ran; the status page polls, so
  // the network never goes quiet there: a bounded wait.
  await page.waitForLoadState("networkidle", { timeout: 3_000 }).catch(() => undefined);
  const result = await page.evaluate(() => {
    const innerWidth = window.innerWidth;
    // An element past the edge inside a box that clips or scrolls it (a code block, a table) widens nothing.
    // An absolutely positioned one (screen-reader-only text) is clipped only from its containing block up.
    const clipped = (element: Element) => {
      let positioned = getComputedStyle(element).position !== "absolute";
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        if (!positioned) {
          positioned = getComputedStyle(parent).position !== "static";
          if (!positioned) continue;
        }
        if (
          getComputedStyle(parent).overflowX !== "visible" &&
          parent.getBoundingClientRect().right <= innerWidth + 0.5
        )
          return true;
      }
      return false;
    };
    // A long word runs out of its element's box without widening it: its text is measured too.
    const right = (element: Element) => {
      let edge = element.getBoundingClientRect().right;
      if (getComputedStyle(element).overflowX !== "visible") return edge; // its own box clips its text
      for (const node of element.childNodes)
        if (node.nodeType === Node.TEXT_NODE) {
          const range = document.createRange();
          range.selectNodeContents(node);
          edge = Math.max(edge, range.getBoundingClientRect().right);
        }
      return edge;
    };
    const widest = [...document.querySelectorAll("body *")]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && right(element) > innerWidth + 0.5 && !clipped(element);
      })
      .slice(0, 8)
      .map((element) => {
        const classes =
          typeof element.getAttribute("class") === "string" ? element.getAttribute("class")!.slice(0, 80) : "";
        const text = (element.textContent ?? "").trim().slice(0, 40);
        return `${element.tagName.toLowerCase()}.${classes} "${text}" (right ${Math.round(right(element))})`;
      });
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, widest };
  });
  return result.scrollWidth <= result.innerWidth ? null : { path, ...result };
}

async function sweep(page: Page, paths: string[]): Promise<Overflow[]> {
  const found: Overflow[] = [];
  for (const path of paths) {
    const overflow = await measure(page, path === "CODING" ? await codingQuestion() : path);
    if (overflow) found.push(overflow);
  }
  return found;
}

test("no page overflows a 390 px screen for a signed-out visitor", async ({ page }) => {
  test.slow();
  expect(await sweep(page, PUBLIC_PAGES)).toEqual([]);
  // The measure sees an overflow when there is one (a wide element added to the last page).
  await page.evaluate(() =>
    document
      .querySelector("main")!
      .append(Object.assign(document.createElement("div"), { style: "width: 480px; height: 1px" })),
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeGreaterThan(390);
});

const LONG_NOTE = [
  "Read https://docs.djangoproject.com/en/5.2/ref/models/querysets/#django.db.models.query.QuerySet.select_related_and_prefetch_related_together before the interview.",
  "",
  "```python",
  "Book.objects.select_related('author__publisher__country').prefetch_related('reviews__reviewer__profile').only('title')",
  "```",
].join("\n");

test("no page overflows a 390 px screen for a signed-in member with long names, interviews, a set and a note", async ({
  page,
}) => {
  test.setTimeout(240_000);
  // Real people have long addresses and names, and write long words: none of it may widen a page.
  const email = newEmail("margaret.hamilton.lovelace.engineering.interviews");
  await registerViaApi(page.request, email, "Margaret Hamilton-Lovelace de la Cruz-Villanueva");
  await signInViaApi(page.request, email);

  // Two finished interviews (their reviews, the comparison, the revision queue they fill), a set, a note, and a
  // running timed interview on a company with coding problems (the room with a code editor).
  const finished: string[] = [];
  for (const company of ["deloitte", "mckinsey"]) {
    const started = await page.request.post("/api/interviews", { data: { company, mode: "practice" } });
    expect(started.status()).toBe(201);
    const { id } = (await started.json()) as { id: string };
    expect((await page.request.post(`/api/interviews/${id}/finish`)).status()).toBe(200);
    finished.push(id);
  }
  const set = await page.request.post("/api/sets", {
    data: { name: "Phone week: select_related_and_prefetch_related_on_every_queryset" },
  });
  const { id: setId } = (await set.json()) as { id: string };
  const added = await page.request.put(`/api/sets/${setId}/questions/what-is-drf-and-why-use-it`);
  expect(added.ok()).toBe(true);
  const note = await page.request.put("/api/questions/what-is-drf-and-why-use-it/note", {
    data: { content: LONG_NOTE, revision: 0 },
  });
  expect(note.status()).toBe(200);
  const strict = await page.request.post("/api/interviews", { data: { company: "jpmorgan", mode: "strict" } });
  expect(strict.status()).toBe(201);
  const { id: running } = (await strict.json()) as { id: string };
  // A practice interview from the set: the room's title is the set's long name.
  const fromSet = await page.request.post(`/api/sets/${setId}/interview`);
  expect(fromSet.status()).toBe(201);
  const { id: setInterview } = (await fromSet.json()) as { id: string };

  const overflows = await sweep(page, [
    ...PUBLIC_PAGES,
    `/interviews/${running}`,
    `/interviews/${setInterview}`,
    `/interviews/${finished[0]}/review`,
    `/interviews/compare?id=${finished[0]}&id=${finished[1]}`,
    `/sets/${setId}`,
  ]);
  expect(overflows).toEqual([]);
});
