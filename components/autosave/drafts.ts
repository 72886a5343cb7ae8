// Drafts in localStorage: what the user typed, and the server revision it was based on. Written on every
// change and removed once the server has it, so a closed tab, a reload or an outage loses nothing. Each
// caller names its key (e.g. mockroom:draft:<interview>:<question>, mockroom:note:<slug>); the keys are
// those drafts were stored under before, so nothing on a device is orphaned by an upgrade.
export type Draft = { content: string; baseRevision: number; savedAt?: number };

/** A stored draft, or null when there is none or it is not one (another version's format, hand-edited). */
export function parseDraft(raw: string | null): Draft | null {
  try {
    const draft = raw ? (JSON.parse(raw) as Partial<Draft> | null) : null;
    return draft && typeof draft.content === "string" && Number.isInteger(draft.baseRevision) ? (draft as Draft) : null;
  } catch {
    return null;
  }
}

export function readDraft(key: string): Draft | null {
  try {
    return parseDraft(localStorage.getItem(key));
  } catch {
    return null;
  }
}

export function writeDraft(key: string, content: string, baseRevision: number): void {
  try {
    localStorage.setItem(key, JSON.stringify({ content, baseRevision, savedAt: Date.now() } satisfies Draft));
  } catch {
    // storage full or disabled: the server copy is all we have
  }
}

export function clearDraft(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing to do
  }
}
