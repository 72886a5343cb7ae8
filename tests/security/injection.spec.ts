// Injection: SQL metacharacters and full-text query syntax in every search box and filter. Each answer is
// 200 (the text searched as words) or 400 (a field message), never a 500; and a payload cannot widen a
// query: a term that matches nothing still matches nothing with "OR 1=1" and friends attached.
import { expect, test } from "@playwright/test";
import { newEmail, registerViaApi, signInViaApi } from "../e2e/helpers";

const PAYLOADS = [
  "'",
  '"',
  "\\",
  ";",
  "--",
  "/*",
  "*/",
  "%",
  "_",
  "\u0000",
  "' OR '1'='1",
  "' OR 1=1 --",
  '"; DROP TABLE "Question"; --',
  '\') UNION SELECT email, "passwordHash" FROM "User" --',
  "1; select pg_sleep(5)",
  "$$",
  "$1",
  "::text",
  "E'\\x41'",
  // tsquery syntax a naive to_tsquery would choke on
  "!",
  "&",
  "|",
  "<->",
  "<2>",
  "(",
  ")",
  ":*",
  "a & | b",
  "!!!!",
  "((((",
  "cach:* & !",
  "a:B",
  "'a' <-> 'b'",
  "\\:*",
  "🙂",
  "ｓｅｌｅｃｔ",
  "x".repeat(500),
];
const NOTHING = "zqxjkvbwy";

test("question search and filters answer 200 or 400 to every payload, never 500", async ({ request }) => {
  for (const payload of PAYLOADS) {
    for (const param of ["q", "topic", "difficulty", "kind", "company", "tag", "cursor", "limit"]) {
      const response = await request.get(`/api/questions?${param}=${encodeURIComponent(payload)}`);
      expect([200, 400], `${param}=${JSON.stringify(payload)}: HTTP ${response.status()}`).toContain(response.status());
      if (response.status() === 400) expect((await response.json()).error.code).toBe("VALIDATION");
    }
    const page = await request.get(`/questions?q=${encodeURIComponent(payload)}`);
    expect(page.status(), `page q=${JSON.stringify(payload)}`).toBeLessThan(500);
  }
});

test("a payload cannot widen a search or a filter", async ({ request }) => {
  type List = { items: { slug: string; partial?: boolean }[] };
  const list = async (query: string) => {
    const response = await request.get(`/api/questions?${query}`);
    return response.status() === 200 ? ((await response.json()) as List).items : [];
  };
  const count = async (query: string) => (await list(query)).length;
  expect(await count(`q=${NOTHING}`)).toBe(0);
  for (const tail of ["' OR '1'='1", "' OR 1=1 --", " | a", ":* | !zzz", "') OR true --"]) {
    // Operators and quotes are not syntax: the search finds what the same words typed plainly find (the best
    // partial matches, each marked partial, since no question holds the nonsense word), never more.
    const injected = await list(`q=${encodeURIComponent(NOTHING + tail)}`);
    const plain = await list(`q=${encodeURIComponent(`${NOTHING} ${tail.replace(/[^\p{L}\p{N}]+/gu, " ")}`)}`);
    expect(
      injected.map((i) => i.slug),
      tail,
    ).toEqual(plain.map((i) => i.slug));
    expect(
      injected.every((i) => i.partial),
      tail,
    ).toBe(true);
    expect(await count(`topic=${encodeURIComponent(NOTHING + tail)}`), tail).toBe(0);
    expect(await count(`tag=${encodeURIComponent(NOTHING + tail)}`), tail).toBe(0);
    expect(await count(`company=${encodeURIComponent(NOTHING + tail)}`), tail).toBe(0);
  }
});

test("notes search answers 200 or 400 to every payload and finds only the user's own notes", async ({
  request,
  baseURL,
}) => {
  const email = newEmail("inject");
  await registerViaApi(request, email);
  await signInViaApi(request, email);
  for (const payload of PAYLOADS) {
    const response = await request.get(`/api/notes?q=${encodeURIComponent(payload)}`);
    expect([200, 400], `q=${JSON.stringify(payload)}: HTTP ${response.status()}`).toContain(response.status());
    if (response.status() === 200) expect(((await response.json()) as { items: unknown[] }).items).toEqual([]);
  }
  const questions = (await (await request.get("/api/questions?limit=1")).json()) as { items: { slug: string }[] };
  await request.put(`/api/questions/${questions.items[0]!.slug}/note`, {
    data: { content: `about ${NOTHING}`, revision: 0 },
    headers: { origin: baseURL! },
  });
  const found = (await (await request.get(`/api/notes?q=${encodeURIComponent(`${NOTHING}' OR '1'='1`)}`)).json()) as {
    items: unknown[];
  };
  expect(found.items.length).toBeLessThanOrEqual(1);
});
