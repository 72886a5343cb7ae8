/**
 * Saves that got no answer (the connection dropped, the server crashed, a 503 after the commit): each may or
 * may not have committed. When a later save then meets a conflict, the stored version is this client's own
 * if it is one of those texts, written one revision after the one they were based on. Autosave then adopts
 * that revision instead of showing the user a conflict with their own earlier words.
 */
export class UnansweredWrites {
  private base: number | undefined;
  private readonly texts = new Set<string>();

  /** A save of `text` based on `revision` got no usable answer. */
  record(revision: number, text: string): void {
    if (this.base !== revision) {
      this.base = revision;
      this.texts.clear();
    }
    this.texts.add(text);
  }

  /** The server acknowledged a save, or the user resolved a conflict: nothing is pending any more. */
  clear(): void {
    this.base = undefined;
    this.texts.clear();
  }

  /** Whether `current` (what a 409 says is stored) is one of our unanswered saves that committed after all. */
  isOwn(current: { content: string; revision: number }): boolean {
    return this.base !== undefined && current.revision === this.base + 1 && this.texts.has(current.content);
  }
}
