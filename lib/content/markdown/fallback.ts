// What a text that cannot be formatted in time looks like, on the server and in the live preview alike:
// a visible note, then the text itself, escaped, line breaks kept.

export const FALLBACK_NOTE = "This text could not be formatted in time; it is shown as plain text.";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** The fallback as HTML, for the same containers as rendered markdown (`prose` styles are turned off in it). */
export function plainTextHtml(text: string): string {
  return (
    '<div class="not-prose" data-markdown-fallback="">' +
    '<p role="note" class="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">' +
    escapeHtml(FALLBACK_NOTE) +
    "</p>" +
    `<div class="whitespace-pre-wrap break-words">${escapeHtml(text)}</div>` +
    "</div>"
  );
}
