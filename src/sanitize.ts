// Server text is untrusted: control characters are shown, never executed by the terminal.
// Newlines and tabs are layout and pass; ESC (CSI, OSC, DCS...), CR, other C0 and C1 controls
// and DEL are replaced by a visible \xNN, so content can neither style, move nor retitle.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

export function neutralise(text: string): string {
  return text.replace(CONTROL, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/**
 * JSON whose text is safe to print: JSON.stringify escapes C0 controls but leaves DEL and the
 * C1 controls raw (U+009B is a CSI to some terminals), so those are escaped too. Same data.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\x7f-\x9f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** One line of at most `max` characters: whitespace runs collapsed, an ellipsis where cut. */
export function oneLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, Math.max(1, max - 1))}…` : line;
}

/** At most `max` characters, with the count of what was cut: for echoing what a user typed. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
}
