// The pure rules of autosave, shared by every autosaved text (interview answers, practice drafts, notes):
// what a save's response means, what a draft left on the device means, and when a text still needs saving.
// The server half is lib/data/save-with-revision.ts; the wire format is PUT {content, revision, ...} →
// 200 {revision} or 409 {error: {code: "CONFLICT"}, current: {content, revision}}.
import type { ApiResult } from "@/lib/client/api";
import { storedVersion } from "@/lib/schemas/responses";
import type { UnansweredWrites } from "./unanswered-writes";

export type SaveStatus = "saved" | "unsaved" | "saving" | "offline" | "conflict" | "time-up" | "signed-out";
export type Version = { content: string; revision: number };
export type TextState = Version & {
  status: SaveStatus;
  /** The stored version when another tab or device saved first; the user chooses between the two. */
  conflict?: Version;
  /** Why the server refused this text (too long, invalid): not retried until it changes. */
  error?: string;
};

export const DEBOUNCE_MS = 1_000;
export const RETRY_MS = 3_000;
/** A save asked for while one is in flight waits this long and asks again. */
export const BUSY_MS = 200;

export type SaveOutcome =
  /** The server holds `stored`; `own` when a "conflict" was with this client's own earlier save. */
  | { kind: "saved"; stored: Version; own: boolean }
  | { kind: "conflict"; current: Version }
  | { kind: "time-up" }
  | { kind: "signed-out" }
  | { kind: "rejected"; message: string }
  /** No usable answer (network down, 5xx, anything unexpected): the save may or may not have committed. */
  | { kind: "retry" };

/** What a save of `sent` got back, read by lib/client/api.ts (a 2xx body checked for its revision). */
export function saveOutcome(
  result: ApiResult<{ revision: number }>,
  sent: string,
  unanswered: UnansweredWrites,
): SaveOutcome {
  if (result.ok) return { kind: "saved", stored: { content: sent, revision: result.data.revision }, own: false };
  const { status, code, body } = result.error;
  const current =
    typeof body === "object" && body !== null
      ? storedVersion.safeParse((body as Record<string, unknown>).current)
      : null;
  if (status === 409 && code === "CONFLICT" && current?.success) {
    // A conflict with our own words is no conflict: the server holds what was sent (an earlier try of this
    // text committed but its answer was lost), or an earlier unanswered save of ours (see UnansweredWrites).
    if (current.data.content === sent || unanswered.isOwn(current.data))
      return { kind: "saved", stored: current.data, own: true };
    return { kind: "conflict", current: current.data };
  }
  if (status === 409 && code === "TIME_UP") return { kind: "time-up" };
  if (status === 401) return { kind: "signed-out" };
  if (status === 400 || status === 413)
    return { kind: "rejected", message: result.error.messageOr("This text cannot be saved.") };
  // Offline, 5xx, a 2xx without a revision: the save may or may not have committed.
  return { kind: "retry" };
}

/** Whether a text in this state still has something to send. */
export const needsSave = (status: SaveStatus) => status !== "saved" && status !== "conflict" && status !== "time-up";

/** The status once the user typed: a conflict or time up stays until resolved. */
export const statusAfterEdit = (status: SaveStatus): SaveStatus =>
  status === "conflict" || status === "time-up" ? status : "unsaved";

export type Restore =
  | { kind: "none" }
  | { kind: "send"; content: string }
  | { kind: "conflict"; content: string; conflict: Version }
  /** The draft may belong to another tab that is still open and typing: look again in `ms`. */
  | { kind: "wait"; ms: number };

/**
 * How recently another tab must have written a draft for it to count as that tab's live work rather than one
 * left behind. An open tab saves within DEBOUNCE_MS of the last keystroke (and removes the draft), or keeps
 * retrying every RETRY_MS while offline; a draft untouched for longer than both was left by a closed tab.
 */
export const LIVE_DRAFT_MS = DEBOUNCE_MS + RETRY_MS + 1_000;

/**
 * A draft left on the device by a closed tab or an outage, against what the server holds now: send it if it
 * was based on the stored revision, or show both versions if the server moved on meanwhile. A draft another
 * open tab is writing right now is that tab's to save: sending it from here too would turn that tab's own
 * next save into a conflict with a prefix of its own words, so it is looked at again once it has gone quiet.
 */
export function restoreDraft(
  draft: { content: string; baseRevision: number; savedAt?: number; tab?: string } | null,
  server: Version,
  here?: { tab: string; now: number },
): Restore {
  if (!draft || draft.content === server.content) return { kind: "none" };
  if (here && draft.tab !== undefined && draft.tab !== here.tab && draft.savedAt !== undefined) {
    const age = here.now - draft.savedAt;
    if (age >= 0 && age < LIVE_DRAFT_MS) return { kind: "wait", ms: LIVE_DRAFT_MS - age };
  }
  if (draft.baseRevision === server.revision) return { kind: "send", content: draft.content };
  return { kind: "conflict", content: draft.content, conflict: server };
}
