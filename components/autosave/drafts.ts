// Drafts in localStorage: what the user typed, and the server revision it was based on. Written on every
// change and removed once the server has it, so a closed tab, a reload or an outage loses nothing. Each
// caller names its key (e.g. mockroom:draft:<interview>:<question>, mockroom:note:<slug>); the keys are
// those drafts were stored under before, so nothing on a device is orphaned by an upgrade.
// A draft also names the tab that wrote it (an id kept in sessionStorage, so it survives a reload of that tab
// but not a new tab), so another open tab can tell a draft still being typed from one left behind.
export type Draft = { content: string; baseRevision: number; savedAt?: number; tab?: string };

const TAB_KEY = "mockroom:tab";
let tabId: string | undefined;

/** This tab's id: the same across reloads of the tab, different in every other tab. */
export function currentTab(): string {
  if (tabId) return tabId;
  try {
    tabId = sessionStorage.getItem(TAB_KEY) ?? undefined;
    if (!tabId) sessionStorage.setItem(TAB_KEY, (tabId = crypto.randomUUID()));
  } catch {
    tabId ??= crypto.randomUUID(); // storage disabled: one id for this page's life
  }
  return tabId;
}

/** A stored draft, or null when there is none or it is not one (another version's format, hand-edited). */
export function parseDraft(raw: string | null): Draft | null {
  try {
    const draft = raw ? (JSON.parse(raw) as Partial<Draft> | null) : null;
    if (!draft || typeof draft.content !== "string" || !Number.isInteger(draft.baseRevision)) return null;
    const { content, baseRevision, savedAt, tab } = draft;
    return {
      content,
      baseRevision: baseRevision!,
      ...(typeof savedAt === "number" && Number.isFinite(savedAt) ? { savedAt } : {}),
      ...(typeof tab === "string" && tab.length <= 64 ? { tab } : {}),
    };
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
    localStorage.setItem(
      key,
      JSON.stringify({ content, baseRevision, savedAt: Date.now(), tab: currentTab() } satisfies Draft),
    );
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
