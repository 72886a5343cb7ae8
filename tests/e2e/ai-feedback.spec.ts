// Optional AI feedback (issue #25) in Chromium, against the e2e server's fake OpenAI-compatible model
// (tests/e2e/server.ts): asked for in the review beside the rubric's verdicts, labelled as the model's, with a
// follow-up answered as a thread; the same on the question page after a practice save.
import { expect, test, type Page } from "@playwright/test";
import { E2E_AI_MODEL } from "./accounts";
import { expectAccessible, firstQuestion, newEmail, queueFakeReplies, registerViaApi, signInViaApi } from "./helpers";

async function signedIn(page: Page) {
  const email = newEmail("ai");
  await registerViaApi(page.request, email, "Ada Asker");
  await signInViaApi(page.request, email);
}

test.describe("AI feedback", () => {
  test.describe.configure({ timeout: 60_000 });

  test("in the review: asked for, shown beside the score with quoted evidence, and a follow-up answered", async ({
    page,
  }) => {
    await signedIn(page);
    const started = (await (
      await page.request.post("/api/interviews", { data: { company: "deloitte", mode: "practice" } })
    ).json()) as { id: string; questions: { id: string; kind: string; title: string }[] };
    const written = started.questions.find((q) => q.kind === "written")!;
    const answer =
      "Sessions keep data on the server and the browser holds only the session key in a cookie. The middleware loads request.session lazily and saves it when modified.";
    await page.request.put(`/api/interviews/${started.id}/answers/${written.id}`, {
      data: { content: answer, revision: 0 },
    });
    expect((await page.request.post(`/api/interviews/${started.id}/finish`)).status()).toBe(200);
    await page.goto(`/interviews/${started.id}/review`);

    const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: written.title }) });
    const ai = item.getByRole("region", { name: /AI feedback/ });
    await expect(ai).toContainText(`Sends the question, its key points, the model answer and your answer to 127.0.0.1`);
    await ai.getByRole("button", { name: "Get AI feedback" }).click();
    const card = ai.getByRole("article", { name: "AI feedback on your answer" });
    await expect(card).toContainText(`AI feedback · ${E2E_AI_MODEL}`);
    await expect(card).toContainText("Follow-up question:");
    // The rubric's verdicts are still there, apart from the model's.
    await expect(item.getByRole("region", { name: "Key points" })).toBeVisible();
    await expectAccessible(page);

    const followUp = ai.getByRole("textbox", { name: /^Your answer to the follow-up/ });
    await followUp.fill("I would say the cookie is only a key; the data stays on the server.");
    await ai.getByRole("button", { name: "Send answer" }).click();
    const second = ai.getByRole("article", { name: "AI feedback on your follow-up answer" });
    await expect(second).toContainText("You answered: I would say the cookie is only a key");
    // The thread is kept: it is there after a reload.
    await page.reload();
    await expect(item.getByRole("article")).toHaveCount(2);
  });

  test("on the question page, after a practice save, and again after the next save", async ({ page }) => {
    await signedIn(page);
    const { slug } = await firstQuestion(page, { written: true });
    await page.goto(`/questions/${slug}`);
    await expect(page.getByRole("button", { name: "Get AI feedback" })).toHaveCount(0);
    const editor = page.getByRole("textbox", { name: "Your practice answer" });
    await editor.click();
    await page.keyboard.type("A first attempt at the answer, with one idea.");
    await page.getByRole("button", { name: "Save answer" }).click();
    const ai = page.getByRole("region", { name: /AI feedback/ });
    await ai.getByRole("button", { name: "Get AI feedback" }).click();
    await expect(ai.getByRole("article")).toHaveCount(1);
    await expect(ai.getByRole("button", { name: /Get AI feedback/ })).toHaveCount(0);
    await editor.click();
    await page.keyboard.type(" And a second idea.");
    await page.getByRole("button", { name: "Save answer" }).click();
    await ai.getByRole("button", { name: "Get AI feedback on the saved answer" }).click();
    await expect(ai.getByRole("article")).toHaveCount(2);
  });

  test("tailored practice: a job description's topics, each with why, and a practice interview on them", async ({
    page,
  }) => {
    await signedIn(page);
    await page.goto("/interviews/new");
    const tailor = page.getByRole("region", { name: "Tailor a practice interview to a job description" });
    await expect(tailor).toContainText("the job description (and nothing else) goes to 127.0.0.1");
    await tailor
      .getByRole("textbox", { name: "Job description" })
      .fill(
        "We are hiring a backend engineer who knows PostgreSQL well, writes idiomatic Python and has built caching layers.",
      );
    await tailor.getByRole("button", { name: "Find the topics" }).click();
    const chosen = tailor.getByRole("listitem");
    await expect(chosen.filter({ hasText: "SQL & PostgreSQL" })).toContainText('mentions "postgresql"');
    await expect(chosen.filter({ hasText: "Python Language" })).toContainText('mentions "python"');
    await expectAccessible(page);
    await tailor.getByRole("button", { name: "Start a practice interview on these topics" }).click();
    await page.waitForURL(/\/interviews\/[0-9a-f-]{36}$/);
    await expect(
      page.getByText(/Question 1 of \d+ · (SQL & PostgreSQL|Python Language|Caching & Performance)/i),
    ).toBeVisible();
  });

  test("a model that answers badly, fails or is slow: the page says so, Try again works, and waiting shows", async ({
    page,
  }) => {
    await signedIn(page);
    const { slug } = await firstQuestion(page, { written: true });
    await page.request.post(`/api/questions/${slug}/practice/versions`, {
      data: { content: "An answer saved before asking for feedback on it." },
    });
    await page.goto(`/questions/${slug}`);
    const ai = page.getByRole("region", { name: /AI feedback/ });
    await queueFakeReplies([{ kind: "malformed" }]);
    await ai.getByRole("button", { name: "Get AI feedback" }).click();
    const alert = ai.getByRole("alert");
    await expect(alert).toContainText(`The AI model (${E2E_AI_MODEL}) did not give a usable answer. Try again.`);
    await queueFakeReplies([{ kind: "status", status: 400 }]);
    await alert.getByRole("button", { name: "Try again" }).click();
    await expect(alert).toContainText("did not give a usable answer");
    await queueFakeReplies([{ kind: "slow", ms: 2_000, text: "" }]);
    await alert.getByRole("button", { name: "Try again" }).click();
    await expect(ai.getByRole("button", { name: `Asking ${E2E_AI_MODEL}… this can take a minute` })).toBeDisabled();
    await expect(ai.getByRole("article")).toHaveCount(1, { timeout: 15_000 });
    await expect(ai.getByRole("alert")).toHaveCount(0);
  });
});
