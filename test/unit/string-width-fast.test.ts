// The bundle measures text with scripts/string-width-fast.js: for the text it measures itself it
// must give string-width's own answer, and hand every other text to string-width.
import { describe, expect, it } from "vitest";
import exactWidth from "string-width";
import fastWidth, { NARROW } from "../../scripts/string-width-fast.js";

/** Every BMP character the fast path measures itself. */
const narrow = [...Array(0xffff).keys()]
  .filter((c) => c < 0xd800 || c > 0xdfff)
  .map((c) => String.fromCharCode(c))
  .filter((c) => NARROW.test(c));

/** A small deterministic generator (xorshift), so a failing string can be found again. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

describe("the bundle's string-width", () => {
  it("counts each character it measures itself as string-width does: one column", () => {
    expect(narrow.length).toBeGreaterThan(3000);
    expect(narrow.filter((c) => exactWidth(c) !== 1).map((c) => c.charCodeAt(0).toString(16))).toEqual([]);
    for (const c of "·…›✓✗■↺⊘↩°⠼─é") expect(narrow).toContain(c);
  });

  it("agrees with string-width on strings of those characters, styled or not, whatever their order", () => {
    const next = random(28);
    const pick = () => narrow[Math.floor(next() * narrow.length)] ?? "";
    for (let i = 0; i < 3000; i++) {
      let text = "";
      for (let n = Math.floor(next() * 12); n > 0; n--) text += next() < 0.1 ? `\x1b[${Math.floor(next() * 50)}m` : pick();
      expect([text, fastWidth(text)]).toEqual([text, exactWidth(text)]);
    }
  });

  it("hands string-width everything else: wide scripts, emoji, joiners, other escapes, the options", () => {
    const cases: Array<[string, object?]> = [
      ["漢字"],
      ["ok 👍🏽"],
      ["e\u0301"],
      ["a\u200db"],
      ["\u2714\ufe0f"],
      ["\x1b]8;;https://x\x07link\x1b]8;;\x07"],
      ["\t"],
      ["·", { ambiguousIsNarrow: false }],
      ["\x1b[1mx", { countAnsiEscapeCodes: true }],
    ];
    for (const [text, options] of cases) {
      expect(fastWidth(text, options)).toBe(exactWidth(text, options));
      // None of these texts is the fast path's: the options are what sends "·" and "\x1b[1mx" on.
      expect(NARROW.test(text) && options === undefined).toBe(false);
    }
    expect(fastWidth("漢字")).toBe(4);
  });
});
