// Bundled in place of string-width (see scripts/bundle.mjs), for Ink and for chat: the same
// widths, but text made only of characters string-width itself counts one column each (ASCII,
// Latin, general punctuation: the prompt, the status bar, most answers) is measured without it.
// Loading string-width builds an Intl.Segmenter and its emoji tables (~30 ms, before the UI's
// first frame); bundled through require(), it loads the first time other text is measured.

/**
 * Characters string-width counts one column each, none of which joins its neighbour into one
 * cluster: Latin, Greek, Cyrillic, punctuation, arrows, symbols, box drawing, geometric shapes,
 * ✓ ✗ and Braille (the spinner). Checked against string-width in test/unit/string-width-fast.test.ts.
 */
export const NARROW =
  /^[\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0482\u048a-\u052f\u1e00-\u1fff\u2010-\u2029\u202f-\u205f\u2070-\u20cf\u2100-\u2319\u232b-\u23e8\u23f4-\u25fc\u2713-\u2717\u2800-\u28ff]*$/;

/** Colours and styles (SGR): no width, as string-width strips them unless asked to count them. */
const SGR = /\x1b\[[0-9;]*m/g;

interface Options {
  ambiguousIsNarrow?: boolean;
  countAnsiEscapeCodes?: boolean;
}
type Measure = (text: string, options?: Options) => number;

let exact: Measure | undefined;

export default function stringWidth(text: string, options?: Options): number {
  // The options that change a narrow text's width: ambiguous characters (· …) counted wide, escapes counted.
  if (typeof text === "string" && options?.ambiguousIsNarrow !== false && options?.countAnsiEscapeCodes !== true) {
    const visible = text.includes("\x1b") ? text.replace(SGR, "") : text;
    if (NARROW.test(visible)) return visible.length;
  }
  // A require() (not an import) so that esbuild evaluates the module only when this line runs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  exact ??= (require("../node_modules/string-width/index.js") as { default: Measure }).default;
  return exact(text, options);
}
