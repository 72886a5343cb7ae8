// Drafts in localStorage: what the user typed, and the server revision it was based on. Written on every
// change and removed once the server has it, so a closed tab, a reload or an outage loses nothing.
export type Draft = { content: string; baseRevision: number; savedAt: number };

const key = (interviewId: string, questionId: string) => `mockroom:draft:${interviewId}:${questionId}`;

export function readDraft(interviewId: string, questionId: string): Draft | null {
  try {
    const raw = localStorage.getItem(key(interviewId, questionId));
    const draft = raw ? (JSON.parse(raw) as Draft) : null;
    return draft && typeof draft.content === "string" && Number.isInteger(draft.baseRevision) ? draft : null;
  } catch {
    return null;
  }
}

export function writeDraft(interviewId: string, questionId: string, content: string, baseRevision: number): void {
  try {
    localStorage.setItem(key(interviewId, questionId), JSON.stringify({ content, baseRevision, savedAt: Date.now() } satisfies Draft));
  } catch {
    // storage full or disabled: the server copy is all we have
  }
}

export function clearDraft(interviewId: string, questionId: string): void {
  try {
    localStorage.removeItem(key(interviewId, questionId));
  } catch {
    // nothing to do
  }
}
