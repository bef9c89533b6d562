// The input line's keys, one by one, as a shell's line editor has them. "|" in a picture is the cursor.
import { describe, expect, it } from "vitest";
import type { Key } from "ink";
import { EMPTY, edit, setValue, type EditState } from "../../src/interactive/editing.js";

/** "one t|wo" -> the state with the cursor where the bar is. */
const at = (picture: string): EditState => ({ value: picture.replace("|", ""), cursor: picture.indexOf("|") });
const draw = (s: EditState) => s.value.slice(0, s.cursor) + "|" + s.value.slice(s.cursor);
/** The picture after pressing each key in turn. */
const press = (picture: string, ...keys: Array<[string, Partial<Key>]>) =>
  draw(keys.reduce((s, [input, key]) => edit(s, input, key), at(picture)));

const ctrl = (c: string): [string, Partial<Key>] => [c, { ctrl: true }];
const alt = (c: string): [string, Partial<Key>] => [c, { meta: true }];
const LEFT: [string, Partial<Key>] = ["", { leftArrow: true }];
const RIGHT: [string, Partial<Key>] = ["", { rightArrow: true }];
const BACKSPACE: [string, Partial<Key>] = ["", { backspace: true }];
const DELETE: [string, Partial<Key>] = ["", { delete: true }];

describe("the input line's keys", () => {
  it("Delete removes the character under the cursor; Backspace the one before it", () => {
    expect(press("Y|X", DELETE)).toBe("Y|");
    expect(press("Y|X", BACKSPACE)).toBe("|X");
    expect(press("YX|", DELETE)).toBe("YX|");
    expect(press("|YX", BACKSPACE)).toBe("|YX");
    // The steps: type YX, Ctrl+A, →, Delete.
    expect(draw([ctrl("a"), RIGHT, DELETE].reduce((s, [i, k]) => edit(s, i, k), edit(EMPTY, "YX", {})))).toBe("Y|");
  });

  it("Ctrl+D deletes under the cursor too; on an empty line it does nothing", () => {
    expect(press("a|bc", ctrl("d"))).toBe("a|c");
    expect(edit(EMPTY, "d", { ctrl: true })).toBe(EMPTY);
  });

  it("an emoji is one character to the arrows, Backspace and Delete", () => {
    expect(press("a😀|b", LEFT)).toBe("a|😀b");
    expect(press("a|😀b", RIGHT)).toBe("a😀|b");
    expect(press("a😀|b", BACKSPACE)).toBe("a|b");
    expect(press("a|😀b", DELETE)).toBe("a|b");
  });

  it("Home / Ctrl+A and End / Ctrl+E go to the start and end of the input, of several lines too (as bash's)", () => {
    expect(press("one t|wo", ["", { home: true }])).toBe("|one two");
    expect(press("one t|wo", ctrl("a"))).toBe("|one two");
    expect(press("o|ne two", ["", { end: true }])).toBe("one two|");
    expect(press("o|ne two", ctrl("e"))).toBe("one two|");
    expect(press("first\nsec|ond\nthird", ctrl("a"))).toBe("|first\nsecond\nthird");
    expect(press("first\nsec|ond\nthird", ["", { end: true }])).toBe("first\nsecond\nthird|");
  });

  it("Ctrl+B / Ctrl+F move a character; Alt+B / Alt+F and Alt or Ctrl with an arrow a word", () => {
    expect(press("ab|c", ctrl("b"))).toBe("a|bc");
    expect(press("ab|c", ctrl("f"))).toBe("abc|");
    expect(press("say hello, wor|ld", alt("b"))).toBe("say hello, |world");
    expect(press("say hello, |world", alt("b"))).toBe("say |hello, world");
    expect(press("s|ay hello, world", alt("f"))).toBe("say| hello, world");
    expect(press("say| hello, world", alt("f"))).toBe("say hello|, world");
    expect(press("say hello|", ["", { leftArrow: true, meta: true }])).toBe("say |hello");
    expect(press("|say hello", ["", { rightArrow: true, ctrl: true }])).toBe("say| hello");
  });

  it("Ctrl+W deletes back to a blank; Alt+Backspace back to the word's start; Alt+D to the word's end", () => {
    expect(press("cd /usr/lo|cal", ctrl("w"))).toBe("cd |cal");
    expect(press("one two  |", ctrl("w"))).toBe("one |");
    expect(press("cd /usr/lo|cal", ["", { backspace: true, meta: true }])).toBe("cd /usr/|cal");
    expect(press("cd /u|sr/local", alt("d"))).toBe("cd /u|/local");
  });

  it("Ctrl+K deletes to the end of the input; Ctrl+U to its start (at the end: all of it)", () => {
    expect(press("one t|wo", ctrl("k"))).toBe("one t|");
    expect(press("first|\nsecond", ctrl("k"))).toBe("first|");
    expect(press("first\nsec|ond", ctrl("u"))).toBe("|ond");
    expect(press("first\nsecond|", ctrl("u"))).toBe("|");
  });

  it("a key that changes nothing gives back the same state; other Ctrl and Alt keys type nothing", () => {
    const s = setValue("abc");
    for (const key of [RIGHT, DELETE, ctrl("e"), ctrl("k"), alt("f"), ctrl("x"), alt("z"), ["", { end: true }] as const])
      expect(edit(s, key[0], key[1])).toBe(s);
  });
});
