// Server text is untrusted: control characters are shown, never executed by the terminal.
// Newlines and tabs are layout and pass; ESC (CSI, OSC, DCS...), CR, other C0 and C1 controls
// and DEL are replaced by a visible \xNN, so content can neither style, move nor retitle.
// Text that reads differently from what it is ("Trojan Source") is shown too, as \uNNNN: the
// bidi controls (embeddings, overrides, isolates and the LRM/RLM/ALM marks) and the invisible
// zero-width space, joiners, word joiner and BOM. A zero-width joiner inside an emoji sequence
// (👩‍💻) is what draws it as one picture, so there it passes.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
const BIDI_AND_INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;
const EMOJI_JOINER = /(?<=\p{Extended_Pictographic}(?:\ufe0f|\p{Emoji_Modifier})?)\u200d(?=\p{Extended_Pictographic})/u;
const SHOWN = new RegExp(`${EMOJI_JOINER.source}|(${CONTROL.source}|${BIDI_AND_INVISIBLE.source})`, "gu");

function escaped(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

export function neutralise(text: string): string {
  return text.replace(SHOWN, (match, shown: string | undefined) => (shown === undefined ? match : escaped(shown)));
}

/**
 * JSON whose text is safe to print: JSON.stringify escapes C0 controls but leaves DEL, the C1
 * controls (U+009B is a CSI to some terminals) and the bidi and invisible characters raw, so
 * those are escaped too. Same data.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    new RegExp(`[\\x7f-\\x9f]|${BIDI_AND_INVISIBLE.source}`, "g"),
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
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
