// Server text is untrusted: control characters are shown, never executed by the terminal.
// Newlines and tabs are layout and pass; ESC (CSI, OSC, DCS...), CR, other C0 and C1 controls
// and DEL are replaced by a visible \xNN, so content can neither style, move nor retitle.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

export function neutralise(text: string): string {
  return text.replace(CONTROL, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
