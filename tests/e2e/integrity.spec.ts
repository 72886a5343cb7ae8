// A user taking a timed interview cannot look its answers up in the app: the question pages of its questions
// hold back the model answer, key points and practice until it ends; other questions stay as they are.
import { expect, test } from "@playwright/test";
import { expectAccessible, newEmail, registerViaApi, signInViaApi } from "./helpers";

test("during a strict interview its questions' pages hold their answers back, and give them back when it ends", async ({
  page,
}) => {
  const email = newEmail("integrity");
  await registerViaApi(page.request, email);
  await signInViaApi(page.request, email);
  const started = await page.request.post("/api/interviews", { data: { company: "deloitte", mode: "strict" } });
  expect(started.status()).toBe(201);
  const interview = (await started.json()) as { id: string; questions: { slug: string; kind: string }[] };
  const asked = interview.questions.find((q) => q.kind === "written")!.slug;

  await page.goto(`/questions/${asked}`);
  await expect(
    page.getByText("Its model answer, key points and practice come back when the interview ends."),
  ).toBeVisible();
  await expect(page.getByText("Show the model answer")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Practise" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Back to the interview" })).toHaveAttribute(
    "href",
    `/interviews/${interview.id}`,
  );
  await expectAccessible(page, { bestPractice: true });

  // A question the interview does not ask is untouched.
  const other = (
    (await (await page.request.get("/api/questions?kind=written&limit=50")).json()) as { items: { slug: string }[] }
  ).items.find((q) => !interview.questions.some((asked) => asked.slug === q.slug))!.slug;
  await page.goto(`/questions/${other}`);
  await expect(page.getByText("Show the model answer")).toBeVisible();

  // The downloads hold model answers: the account page says they wait.
  await page.goto("/account");
  await expect(page.getByText("Downloads wait until your timed interview ends")).toBeVisible();
  await expect(page.getByRole("link", { name: "Download JSON" })).toHaveCount(0);

  expect((await page.request.post(`/api/interviews/${interview.id}/finish`)).status()).toBe(200);
  await page.goto("/account");
  await expect(page.getByRole("link", { name: "Download JSON" })).toBeVisible();
  await page.goto(`/questions/${asked}`);
  await page.getByText("Show the model answer").click();
  await expect(page.getByRole("heading", { name: "Key points a good answer covers" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Practise" })).toBeVisible();
});

test("starting a second timed interview offers to resume or abandon the running one, whatever its company", async ({
  page,
}) => {
  const email = newEmail("one-clock");
  await registerViaApi(page.request, email);
  await signInViaApi(page.request, email);
  const first = (await (
    await page.request.post("/api/interviews", { data: { company: "deloitte", mode: "strict" } })
  ).json()) as { id: string };
  await page.goto("/interviews/new?company=jpmorgan");
  await page.getByLabel("Strict", { exact: false }).first().check();
  await page.getByRole("button", { name: "Start interview" }).click();
  await expect(page.getByText("one timed interview at a time")).toBeVisible();
  await expect(page.getByRole("link", { name: "Resume it" })).toHaveAttribute("href", `/interviews/${first.id}`);
});
