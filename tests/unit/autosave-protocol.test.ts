import { describe, expect, it } from "vitest";
import { ApiError, readResponse } from "@/lib/client/api";
import { savedRevisionAnswer } from "@/lib/schemas/responses";
import { parseDraft } from "@/components/autosave/drafts";
import {
  LIVE_DRAFT_MS,
  needsSave,
  restoreDraft,
  saveOutcome,
  statusAfterEdit,
  type SaveStatus,
} from "@/components/autosave/protocol";
import { UnansweredWrites } from "@/components/autosave/unanswered-writes";

const conflict = (content: string, revision: number) => ({
  error: { code: "CONFLICT", message: "Changed elsewhere." },
  current: { content, revision },
});
// The answer as the hook reads it: through lib/client/api.ts with the schema it passes.
const outcome = async (status: number, body: unknown, sent = "mine", writes = new UnansweredWrites()) =>
  saveOutcome(
    await readResponse(
      new Response(typeof body === "string" ? body : JSON.stringify(body), { status }),
      savedRevisionAnswer,
    ),
    sent,
    writes,
  );

describe("what a save's response means", () => {
  it("takes a 200 with a revision as stored, and anything else that succeeds without one as unanswered", async () => {
    expect(await outcome(200, { revision: 3, updatedAt: "2026-03-01T09:00:00.000Z" })).toEqual({
      kind: "saved",
      stored: { content: "mine", revision: 3 },
      own: false,
    });
    expect(await outcome(200, null)).toEqual({ kind: "retry" });
    expect(await outcome(200, { revision: "3" })).toEqual({ kind: "retry" });
  });

  it("shows a 409 CONFLICT with another text as a conflict carrying the stored version", async () => {
    expect(await outcome(409, conflict("another tab's", 4))).toEqual({
      kind: "conflict",
      current: { content: "another tab's", revision: 4 },
    });
  });

  it("takes a conflict with the very text sent, or with an unanswered earlier save of ours, as stored", async () => {
    expect(await outcome(409, conflict("mine", 4))).toEqual({
      kind: "saved",
      stored: { content: "mine", revision: 4 },
      own: true,
    });
    const writes = new UnansweredWrites();
    writes.record(3, "mine, earlier");
    expect(await outcome(409, conflict("mine, earlier", 4), "mine, later", writes)).toEqual({
      kind: "saved",
      stored: { content: "mine, earlier", revision: 4 },
      own: true,
    });
    expect((await outcome(409, conflict("mine, earlier", 5), "mine, later", writes)).kind).toBe("conflict");
  });

  it("tells time up, signed out and a refused text apart, keeping the server's words for the refusal", async () => {
    expect(await outcome(409, { error: { code: "TIME_UP", message: "Time is up." } })).toEqual({ kind: "time-up" });
    expect(await outcome(401, { error: { code: "UNAUTHORIZED" } })).toEqual({ kind: "signed-out" });
    expect(
      await outcome(413, { error: { code: "PAYLOAD_TOO_LARGE", message: "Notes are limited to 100 KB." } }),
    ).toEqual({ kind: "rejected", message: "Notes are limited to 100 KB." });
    expect(await outcome(400, null)).toEqual({ kind: "rejected", message: "This text cannot be saved." });
  });

  it("retries when no answer came at all", () => {
    expect(
      saveOutcome({ ok: false, error: new ApiError(0, "OFFLINE", "offline") }, "mine", new UnansweredWrites()),
    ).toEqual({ kind: "retry" });
  });

  it("retries whatever else comes back: outages, a 409 without a usable version, unexpected statuses", async () => {
    for (const [status, body] of [
      [503, { error: { code: "UNAVAILABLE" } }],
      [500, null],
      [429, { error: { code: "RATE_LIMITED" } }],
      [409, { error: { code: "CONFLICT" }, current: { content: "x" } }],
      [409, { error: { code: "CONFLICT", message: "In your running interview." }, interview: { id: "i" } }],
      [404, "not json"],
      [502, "<html>Bad gateway</html>"],
    ] as const) {
      expect(await outcome(status, body), `${status} ${JSON.stringify(body)}`).toEqual({ kind: "retry" });
    }
  });
});

describe("a text's state", () => {
  it("needs a save unless it is saved, in conflict or past the deadline", () => {
    const all: SaveStatus[] = ["saved", "unsaved", "saving", "offline", "conflict", "time-up", "signed-out"];
    expect(all.filter(needsSave)).toEqual(["unsaved", "saving", "offline", "signed-out"]);
  });

  it("becomes unsaved when typed in, except in a conflict or past the deadline", () => {
    expect(["saved", "offline", "conflict", "time-up"].map((s) => statusAfterEdit(s as SaveStatus))).toEqual([
      "unsaved",
      "unsaved",
      "conflict",
      "time-up",
    ]);
  });
});

describe("a draft left on the device", () => {
  const server = { content: "stored", revision: 2 };

  it("is sent when based on the stored revision, and shown beside the stored text when the server moved on", () => {
    expect(restoreDraft({ content: "typed offline", baseRevision: 2 }, server)).toEqual({
      kind: "send",
      content: "typed offline",
    });
    expect(restoreDraft({ content: "typed offline", baseRevision: 1 }, server)).toEqual({
      kind: "conflict",
      content: "typed offline",
      conflict: server,
    });
  });

  it("written by another open tab a moment ago is left to that tab, and looked at again once it is quiet", () => {
    const here = { tab: "tab-b", now: 100_000 };
    const fresh = { content: "Written in t", baseRevision: 2, tab: "tab-a" };
    for (const age of [0, 1, 1_000, LIVE_DRAFT_MS - 1]) {
      expect(restoreDraft({ ...fresh, savedAt: here.now - age }, server, here), String(age)).toEqual({
        kind: "wait",
        ms: LIVE_DRAFT_MS - age,
      });
    }
    // Gone quiet: its tab was closed (an open one saves or retries well within the window).
    expect(restoreDraft({ ...fresh, savedAt: here.now - LIVE_DRAFT_MS }, server, here)).toEqual({
      kind: "send",
      content: "Written in t",
    });
    expect(restoreDraft({ ...fresh, baseRevision: 1, savedAt: here.now - 60_000 }, server, here).kind).toBe("conflict");
    // This tab's own draft (a reload), one without a tab or time (older versions), or one dated in the
    // future (another clock) is restored at once.
    expect(restoreDraft({ ...fresh, tab: "tab-b", savedAt: here.now }, server, here).kind).toBe("send");
    expect(restoreDraft({ content: "x", baseRevision: 2, savedAt: here.now }, server, here).kind).toBe("send");
    expect(restoreDraft({ content: "x", baseRevision: 2, tab: "tab-a" }, server, here).kind).toBe("send");
    expect(restoreDraft({ ...fresh, savedAt: here.now + 5_000 }, server, here).kind).toBe("send");
    // Nothing to wait for when the server already holds it.
    expect(restoreDraft({ ...fresh, content: "stored", savedAt: here.now }, server, here)).toEqual({ kind: "none" });
  });

  it("is ignored when absent or when the server already holds its text", () => {
    expect(restoreDraft(null, server)).toEqual({ kind: "none" });
    expect(restoreDraft({ content: "stored", baseRevision: 1 }, server)).toEqual({ kind: "none" });
  });

  it("is read from both formats stored so far, and nothing else", () => {
    expect(parseDraft(JSON.stringify({ content: "a", baseRevision: 1, savedAt: 5 }))).toEqual({
      content: "a",
      baseRevision: 1,
      savedAt: 5,
    });
    expect(parseDraft(JSON.stringify({ content: "b", baseRevision: 0 }))).toEqual({ content: "b", baseRevision: 0 });
    expect(parseDraft(JSON.stringify({ content: "d", baseRevision: 0, savedAt: 7, tab: "t1" }))).toEqual({
      content: "d",
      baseRevision: 0,
      savedAt: 7,
      tab: "t1",
    });
    // Fields of the wrong type are dropped, the draft kept.
    expect(parseDraft(JSON.stringify({ content: "e", baseRevision: 0, savedAt: "soon", tab: 5 }))).toEqual({
      content: "e",
      baseRevision: 0,
    });
    for (const raw of [
      null,
      "",
      "not json",
      "null",
      "[]",
      JSON.stringify({ content: 1, baseRevision: 1 }),
      JSON.stringify({ content: "c", baseRevision: 1.5 }),
    ]) {
      expect(parseDraft(raw), String(raw)).toBeNull();
    }
  });
});
