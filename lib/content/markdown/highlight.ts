// Shiki for the render worker: the languages the content uses and the two high-contrast GitHub themes,
// imported one by one (the full bundle would put every grammar into the worker's bundle,
// .next/mockroom/markdown-worker.cjs). The Oniguruma engine is what `createHighlighter` uses, so code looks
// exactly as it did when the server highlighted it in the request.
import rehypeShikiFromHighlighter from "@shikijs/rehype/core";
import { createHighlighterCore, type HighlighterCore } from "shiki/core";
import { createOnigurumaEngine } from "shiki/engine/oniguruma";

const LANGUAGES = [
  import("shiki/dist/langs/python.mjs"),
  import("shiki/dist/langs/bash.mjs"),
  import("shiki/dist/langs/shell.mjs"),
  import("shiki/dist/langs/json.mjs"),
  import("shiki/dist/langs/sql.mjs"),
  import("shiki/dist/langs/yaml.mjs"),
  import("shiki/dist/langs/html.mjs"),
  import("shiki/dist/langs/javascript.mjs"),
  import("shiki/dist/langs/typescript.mjs"),
  import("shiki/dist/langs/ini.mjs"),
  import("shiki/dist/langs/dockerfile.mjs"),
  import("shiki/dist/langs/nginx.mjs"),
  import("shiki/dist/langs/toml.mjs"),
  import("shiki/dist/langs/diff.mjs"),
];

const OPTIONS = {
  themes: { light: "github-light-high-contrast", dark: "github-dark-high-contrast" },
  defaultColor: "light",
  fallbackLanguage: "text",
  defaultLanguage: "text",
  // Shiki stops colouring a line after 500 ms by default, so on a busy machine a grammar's first use
  // (compiling its expressions) left lines half coloured, and that was cached. The worker's own time limit
  // bounds a render; lines too long to be code are left plain, which is the same on every machine.
  tokenizeTimeLimit: 0,
  tokenizeMaxLineLength: 2_000,
} as const;

export async function loadShiki() {
  const highlighter = await createHighlighterCore({
    themes: [
      import("shiki/dist/themes/github-light-high-contrast.mjs"),
      import("shiki/dist/themes/github-dark-high-contrast.mjs"),
    ],
    langs: LANGUAGES,
    engine: createOnigurumaEngine(import("shiki/wasm")),
  });
  return { highlighter, plugin: [rehypeShikiFromHighlighter, highlighter, OPTIONS] as const };
}

/** Strings, numbers, comments, calls, blocks: the states most code reaches first. */
const WARM_UP =
  'def f(x: int) -> str:\n    """doc"""\n    return {"a": [1, 2.5, x]}  # note\nconst g = (y) => `${y}`; // c\nSELECT a FROM t WHERE b = \'c\';\n<p class="d">e</p>\n';
const warm = new Set<string>();

/**
 * Compiles the grammars of `languages` not used yet: a grammar's first use compiles its expressions (0.2-0.7 s
 * for JavaScript on a busy machine), which the worker does before it starts a text's clock.
 */
export function warmUp(highlighter: HighlighterCore, languages: Iterable<string>): void {
  const loaded = new Set(highlighter.getLoadedLanguages());
  for (const lang of languages) {
    if (warm.has(lang) || !loaded.has(lang)) continue;
    warm.add(lang);
    highlighter.codeToTokensBase(WARM_UP, { lang, theme: OPTIONS.themes.light });
  }
}
