// The live preview's Web Worker (lib/markdown/preview.ts): renders one text per message, off the page's
// main thread, so a text that takes the parser seconds cannot freeze the tab; the page terminates this
// worker when it is too slow.
import { renderSafeMarkdown } from "./pipeline";

type Request = { id: number; text: string };

const scope = self as unknown as { onmessage: ((event: MessageEvent<Request>) => void) | null; postMessage(message: unknown): void };

scope.onmessage = (event) => {
  const { id, text } = event.data;
  let html: string | null = null;
  try {
    html = renderSafeMarkdown(text);
  } catch {
    // shown as plain text by the page
  }
  scope.postMessage({ id, html });
};
