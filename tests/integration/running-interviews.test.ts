import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { listRunningInterviews } from "@/lib/data/interview-history";
import { endInterview, startInterview } from "@/lib/data/interviews";
import { db } from "@/lib/db/client";
import { SAVE_GRACE_MS } from "@/lib/interviews/clock";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { userFactory } from "../factories";

beforeAll(async () => {
  await loadBank(db(), readContent(path.resolve("tests/fixtures/content")));
});

const T0 = new Date("2026-03-01T09:00:00Z");
const after = (ms: number) => new Date(T0.getTime() + ms);
const THIRTY_MINUTES = 30 * 60_000;

describe("running interviews (the header's marker and the dashboard's banner)", () => {
  it("lists the user's running interview with its deadline, and nobody else's", async () => {
    const user = await userFactory();
    const stranger = await userFactory();
    const interview = await startInterview(user.id, { company: "acme", mode: "strict" }, T0);
    expect(await listRunningInterviews(user.id, after(1_000))).toEqual([
      {
        id: interview.id,
        title: "Acme",
        mode: "strict",
        startedAt: T0.toISOString(),
        deadlineAt: after(THIRTY_MINUTES).toISOString(),
      },
    ]);
    expect(await listRunningInterviews(stranger.id, after(1_000))).toEqual([]);
  });

  it("leaves out one whose time is up and one that ended, keeps a practice one without a deadline", async () => {
    const user = await userFactory();
    await startInterview(user.id, { company: "acme", mode: "strict" }, T0);
    expect(await listRunningInterviews(user.id, after(THIRTY_MINUTES + SAVE_GRACE_MS))).toHaveLength(1);
    expect(await listRunningInterviews(user.id, after(THIRTY_MINUTES + SAVE_GRACE_MS + 1))).toEqual([]);

    const other = await userFactory();
    const practice = await startInterview(other.id, { company: "acme", mode: "practice" }, T0);
    expect(await listRunningInterviews(other.id, after(10 * THIRTY_MINUTES))).toMatchObject([
      { id: practice.id, mode: "practice", deadlineAt: null },
    ]);
    await endInterview(other.id, practice.id, "finish", after(10 * THIRTY_MINUTES));
    expect(await listRunningInterviews(other.id, after(10 * THIRTY_MINUTES))).toEqual([]);
  });
});
