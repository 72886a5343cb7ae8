// Spoken answers (issue #25) in Chromium with a fake microphone: the browser "hears" a WAV made with espeak-ng
// (tests/fixtures/audio/spoken-answer.wav, 16 kHz mono). The e2e server transcribes through a fake
// OpenAI-compatible endpoint (tests/e2e/server.ts), which writes what it received to E2E_AI_FILE.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../support/chromium";
import { E2E_AI_FILE, E2E_TRANSCRIBE_MODEL, E2E_TRANSCRIPT } from "./accounts";
import { e2eQuery } from "./db";
import { expectAccessible, firstQuestion, newEmail, queueFakeReplies, registerViaApi, signInViaApi } from "./helpers";

/** Recordings kept for an interview's answers (a follow-up spoken into the AI's box is not one of them). */
async function e2eRecordingCount(interviewId: string): Promise<number> {
  const rows = (await e2eQuery(
    `select count(*)::int as n from "Recording" r join "InterviewQuestion" iq on iq.id = r."interviewQuestionId" where iq."interviewId" = $1`,
    [interviewId],
  )) as { n: number }[];
  return rows[0]!.n;
}

const WAV = path.resolve("tests/fixtures/audio/spoken-answer.wav");

test.use({
  launchOptions: {
    executablePath: findChromium() ?? undefined,
    args: [
      ...CHROMIUM_ARGS,
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-audio-capture=${WAV}`,
    ],
  },
});

type Started = { id: string; questions: { id: string; kind: string; title: string }[] };

async function signedIn(page: Page) {
  const email = newEmail("spoken");
  await registerViaApi(page.request, email, "Sam Speaker");
  await signInViaApi(page.request, email);
}

const aiRequests = () =>
  fs
    .readFileSync(E2E_AI_FILE, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { model: string; authorization: string; fileBytes: number; fileType: string });

test.describe("spoken answers", () => {
  test.describe.configure({ timeout: 90_000 });

  test("in the room: recorded, transcribed into the editor, corrected, saved, and played back in the review", async ({
    page,
  }) => {
    await signedIn(page);
    const response = await page.request.post("/api/interviews", { data: { company: "deloitte", mode: "practice" } });
    expect(response.status()).toBe(201);
    const interview = (await response.json()) as Started;
    const written = interview.questions.find((q) => q.kind === "written")!;
    const started = interview.questions.map((q) => q.id);
    await page.request.put(`/api/interviews/${interview.id}/current`, { data: { questionId: written.id } });
    const before = aiRequests().length;

    const room = await page.goto(`/interviews/${interview.id}`);
    expect(room!.headers()["permissions-policy"]).toContain("microphone=(self)");
    await expect(page.getByRole("heading", { name: written.title })).toBeVisible();
    const record = page.getByRole("button", { name: "Record answer" });
    await expect(record).toHaveAttribute("aria-keyshortcuts", "Alt+R");
    await record.click();
    await expect(page.getByRole("status").filter({ hasText: "Recording…" })).toBeVisible();
    await expect(page.getByTestId("level-meter")).toBeVisible();
    await page.waitForTimeout(2_500);
    await page.getByRole("button", { name: "Stop recording" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Its transcript is in your answer" })).toBeVisible({
      timeout: 20_000,
    });
    const editor = page.getByRole("textbox", { name: /^Your answer to question \d+$/ });
    await expect(editor).toContainText(E2E_TRANSCRIPT);

    // What the endpoint got: the configured model, the key, and the recording as the browser made it.
    const sent = aiRequests().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ model: E2E_TRANSCRIBE_MODEL, authorization: "Bearer sk-e2e-test" });
    expect(sent[0]!.fileBytes).toBeGreaterThan(5_000);
    expect(sent[0]!.fileType).toMatch(/^audio\/webm/);

    // The user corrects the transcript; the answer autosaves as typed text does.
    await editor.click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type(" It avoids N+1 queries.");
    await expect(page.getByText(/^Saved/)).toBeVisible({ timeout: 15_000 });
    const player = page.getByLabel("Your recording");
    await expect(player).toHaveAttribute("src", /\/recording\?v=\d+$/);
    await expect(page.getByText("Length")).toBeVisible();
    await expectAccessible(page);
    // Another question and back: the recording is still there (the room keeps it, not only the section).
    const questions = page.getByRole("navigation", { name: "Questions in this interview" });
    await questions.locator("button:not([aria-current])").first().click();
    await expect(page.getByLabel("Your recording")).toHaveCount(0);
    await questions.locator(`button`).nth(started.indexOf(written.id)).click();
    await expect(page.getByLabel("Your recording")).toBeVisible();

    expect((await page.request.post(`/api/interviews/${interview.id}/finish`)).status()).toBe(200);
    await page.goto(`/interviews/${interview.id}/review`);
    const spoken = page.getByRole("region", { name: "Your spoken answer" });
    await expect(spoken).toBeVisible();
    await expect(spoken).toContainText("Pace");
    await expect(spoken).toContainText("words a minute");
    await expect(spoken).toContainText("think aloud");
    await expect(page.getByText(`${E2E_TRANSCRIPT} It avoids N+1 queries.`)).toBeVisible();
    const src = await spoken.getByLabel("Your recording").getAttribute("src");
    const audio = await page.request.get(src!);
    expect(audio.status()).toBe(200);
    expect(audio.headers()["content-type"]).toMatch(/^audio\/webm/);
    expect(audio.headers()["cache-control"]).toBe("private, no-store");
    expect((await audio.body()).byteLength).toBe(sent[0]!.fileBytes);
    // The audio element can play it: the browser reads its duration.
    const duration = await spoken.getByLabel("Your recording").evaluate(
      (element: HTMLAudioElement) =>
        new Promise<number>((resolve) => {
          element.preload = "auto";
          element.addEventListener("loadedmetadata", () => resolve(element.duration), { once: true });
          element.addEventListener("error", () => resolve(-1), { once: true });
          element.load();
        }),
    );
    expect(duration).not.toBe(-1);
    await expectAccessible(page);

    // The AI's follow-up question, answered aloud: the words go into the box to correct, the audio is not kept.
    const ai = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: written.title }) })
      .getByRole("region", { name: /AI feedback/ });
    await ai.getByRole("button", { name: "Get AI feedback" }).click();
    await ai.getByRole("button", { name: "Speak your answer" }).click();
    await expect(ai.getByRole("status")).toHaveText(/Recording…/);
    await page.waitForTimeout(1_500);
    await ai.getByRole("button", { name: "Stop" }).click();
    const reply = ai.getByRole("textbox", { name: /^Your answer to the follow-up/ });
    await expect(reply).toHaveValue(E2E_TRANSCRIPT, { timeout: 20_000 });
    await ai.getByRole("button", { name: "Send answer" }).click();
    await expect(ai.getByRole("article", { name: "AI feedback on your follow-up answer" })).toContainText(
      `You answered: ${E2E_TRANSCRIPT}`,
    );
    expect(await e2eRecordingCount(interview.id)).toBe(1);
  });

  test("in practice, from the keyboard: Alt+R starts and stops, the state is announced, the take can be deleted", async ({
    page,
  }) => {
    await signedIn(page);
    const { slug } = await firstQuestion(page, { written: true });
    await page.goto(`/questions/${slug}`);
    const status = page.getByRole("region", { name: "Spoken answer" }).getByRole("status");
    await page.getByRole("textbox", { name: "Your practice answer" }).click();
    await page.keyboard.press("Alt+R");
    await expect(status).toHaveText(/Recording…/);
    await page.waitForTimeout(1_500);
    await page.keyboard.press("Alt+R");
    await expect(status).toHaveText(/Its transcript is in your answer/, { timeout: 20_000 });
    await expect(page.getByRole("textbox", { name: "Your practice answer" })).toContainText(E2E_TRANSCRIPT);
    await expect(page.getByRole("button", { name: "Record again" })).toBeVisible();
    // A transcription service that refuses: the take is kept, and the page says why there is no transcript.
    await queueFakeReplies([{ kind: "status", status: 400 }]);
    await page.keyboard.press("Alt+R");
    await expect(status).toHaveText(/Recording…/);
    await page.waitForTimeout(1_000);
    await page.keyboard.press("Alt+R");
    await expect(status).toHaveText(
      "Recording saved, without a transcript: The transcription service could not transcribe this recording.",
      { timeout: 20_000 },
    );
    // A slow one: the page says it is working until the transcript comes.
    await queueFakeReplies([{ kind: "slow", ms: 2_000, text: "Slow but sure." }]);
    await page.keyboard.press("Alt+R");
    await expect(status).toHaveText(/Recording…/);
    await page.waitForTimeout(1_000);
    await page.keyboard.press("Alt+R");
    await expect(status).toHaveText("Saving and transcribing the recording…");
    await expect(status).toHaveText(/Its transcript is in your answer/, { timeout: 20_000 });
    await expect(page.getByRole("textbox", { name: "Your practice answer" })).toContainText("Slow but sure.");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Delete recording" }).click();
    await expect(status).toHaveText("Recording deleted.");
    await expect(page.getByLabel("Your recording")).toHaveCount(0);
    expect((await page.request.get(`/api/questions/${slug}/practice/recording`)).status()).toBe(404);
    // Pages that record nothing cannot use the microphone.
    const other = await page.request.get("/notes");
    expect(other.headers()["permissions-policy"]).toContain("microphone=()");
  });
});
