// What `chat print` and `/export` write: the transcript as text, or a Markdown document. Defined
// once, for --format's choices, its help and a file name's format.
export const FORMATS = ["text", "markdown"] as const;
export type Format = (typeof FORMATS)[number];

/** The format a file name asks for: Markdown for .md and .markdown, else text. */
export function formatFor(file: string): Format {
  return /\.(md|markdown)$/i.test(file) ? "markdown" : "text";
}
