// The live preview's Web Worker (lib/content/markdown/preview.ts): renders one text per message, off the page's
// main thread, so a text that takes the parser seconds cannot freeze the tab; the page terminates this
// worker when it is too slow. It says when it starts a text, so its own loading is not counted.
import { renderSafeMarkdown } from "./pipeline";

type Request = { id: number; text: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  const { id, text } = event.data;
  scope.postMessage({ id, started: true }); // the page's clock starts now, not while this worker was loading
  let html: string | null = null;
  try {
    html = renderSafeMarkdown(text);
  } catch {
    // shown as plain text by the page
  }
  scope.postMessage({ id, html });
};
