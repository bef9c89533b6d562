// Keys that arrive in one read (fast typing, SSH, a script, a paste) as the separate keys they
// are: runs of text, and each control character as its own key, so none ever enters a message.
// A bracketed paste (ESC[200~ … ESC[201~) is text, its newlines kept. Pure apart from paste state.
import type { Key } from "ink";

export interface KeyPress {
  readonly text: string;
  readonly key: Partial<Key>;
}

// Ink hands each paste marker over as an event of its own, without its ESC; inside a longer read
// (no Ink in between) the marker keeps its ESC. Text that merely contains "[201~" is not a marker.
const START_EVENT = /^\x1b?\[200~$/;
const END_EVENT = /^\x1b?\[201~$/;
const PASTE_START = /\x1b\[200~/;
const PASTE_END = /\x1b\[201~/;
/**
 * Cursor keys inside a burst (ESC [ A…, ESC [ 3 ~…); another complete CSI sequence is dropped, and
 * any other ESC is a lone Escape.
 */
const CSI: Record<string, Partial<Key>> = {
  A: { upArrow: true },
  B: { downArrow: true },
  C: { rightArrow: true },
  D: { leftArrow: true },
  H: { home: true },
  F: { end: true },
  "1~": { home: true },
  "7~": { home: true },
  "3~": { delete: true },
  "4~": { end: true },
  "8~": { end: true },
};

/** Delete as terminals send it: ESC [ 3 ~, with modifiers (ESC [ 3 ; 5 ~), rxvt's ESC [ 3 $ / ^, Alt's extra ESC. */
const DELETE_KEY = /^\x1b{1,2}\[3[~;$^]/;

/**
 * The key that was pressed, from what Ink made of it and the sequence it came as: Ink names both
 * DEL (0x7f, what Backspace sends) and the Delete key (ESC [ 3 ~) `delete`. Only the second is Delete.
 */
export function pressedKey(sequence: string, key: Partial<Key>): Partial<Key> {
  if (!key.delete || DELETE_KEY.test(sequence)) return key;
  return { ...key, delete: false, backspace: true };
}

function control(char: string): KeyPress | undefined {
  const code = char.charCodeAt(0);
  if (char === "\r") return { text: "\r", key: { return: true } };
  if (char === "\n") return { text: "\n", key: {} };
  if (char === "\t") return { text: "", key: { tab: true } };
  if (code === 0x7f || code === 0x08) return { text: "", key: { backspace: true } };
  // Ctrl+A … Ctrl+Z arrive as 0x01 … 0x1a.
  if (code >= 1 && code <= 26) return { text: String.fromCharCode(code + 96), key: { ctrl: true } };
  return undefined; // other controls (NUL, 0x1c-0x1f, C1) are dropped
}

/** Pasted text: newlines kept, other control characters dropped. */
const pasted = (text: string) => text.replace(/\r\n?/g, "\n").replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, "");

export class KeySplitter {
  private pasting = false;

  /** The keys in one chunk of input; `key` is what Ink made of it, used for a single key. */
  split(text: string, key: Partial<Key>): KeyPress[] {
    if (START_EVENT.test(text) || END_EVENT.test(text)) {
      this.pasting = START_EVENT.test(text);
      return [];
    }
    if (this.pasting || PASTE_START.test(text)) return this.paste(text);
    return text.length <= 1 ? [{ text, key }] : this.burst(text);
  }

  private burst(text: string): KeyPress[] {
    const presses: KeyPress[] = [];
    let run = "";
    const flush = () => {
      if (run) presses.push({ text: run, key: {} });
      run = "";
    };
    for (let i = 0; i < text.length; i++) {
      const char = text[i] ?? "";
      if (char === "\x1b") {
        flush();
        const csi = /^\x1b\[(\d*)(?:;\d+)*([A-Za-z~$^])/.exec(text.slice(i));
        if (!csi) presses.push({ text: "", key: { escape: true } });
        else {
          const [sequence, number = "", final = ""] = csi;
          const key = CSI[final === "~" || final === "$" || final === "^" ? `${number}~` : final];
          if (key) presses.push({ text: "", key });
          i += sequence.length - 1;
        }
        continue;
      }
      const press = char < " " || char === "\x7f" ? control(char) : undefined;
      if (char < " " || char === "\x7f") {
        flush();
        if (press) presses.push(press);
      } else run += char;
    }
    flush();
    return presses;
  }

  private paste(text: string): KeyPress[] {
    const start = text.search(PASTE_START);
    const before = start > 0 && !this.pasting ? this.burst(text.slice(0, start)) : [];
    const body = this.pasting ? text : text.slice(start).replace(PASTE_START, "");
    this.pasting = true;
    const end = body.search(PASTE_END);
    if (end < 0) return [...before, { text: pasted(body), key: {} }];
    this.pasting = false;
    const after = body.slice(end).replace(PASTE_END, "");
    return [...before, { text: pasted(body.slice(0, end)), key: {} }, ...(after ? this.burst(after) : [])];
  }
}
