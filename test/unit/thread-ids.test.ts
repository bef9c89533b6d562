// Thread ids people can tell apart and type: the distinguishing part, and what a typed start or
// end of an id names among recent threads.
import { describe, expect, it } from "vitest";
import { couldBeId, distinguishing, matchThread, notAnId, unresolved } from "../../src/thread-ids.js";

// Three threads made in the same minute (UUIDv7: same first 8 characters), as /new made them.
const A = "01a24930-381f-74c9-a331-9da2eb60c39b";
const B = "01a24930-3c00-769c-8928-e7b77b384e2e";
const C = "01a24930-3fe9-748a-b33d-3dcf058b67e8";
const RECENT = [A, B, C];

describe("a thread id's distinguishing part", () => {
  it("is its last 8 characters when they name it alone", () => {
    expect(RECENT.map((id) => distinguishing(id, RECENT))).toEqual(["eb60c39b", "7b384e2e", "058b67e8"]);
  });

  it("is its last 8 characters with no other thread known", () => {
    expect(distinguishing(A, [])).toBe("eb60c39b");
  });

  it("grows from the end until no other recent id starts or ends with it", () => {
    const twin = "01a24930-4000-7000-8000-00aaeb60c39b"; // ends like A for 8 characters
    expect(distinguishing(A, [A, twin])).toBe("2eb60c39b");
    expect(distinguishing(twin, [A, twin])).toBe("aeb60c39b");
  });

  it("is never another id's start either, so typed back it finds its own thread", () => {
    const starts = "eb60c39b-0000-7000-8000-000000000001"; // starts with A's last 8 characters
    const short = distinguishing(A, [A, starts]);
    expect(short).toBe("2eb60c39b");
    expect(matchThread(short, [A, starts])).toEqual({ kind: "one", id: A });
  });

  it("skips a length that would begin at a hyphen", () => {
    const twin = "01a24930-4000-7000-8000-9da2eb60c39b"; // the same last 12 characters as A
    expect(distinguishing(A, [A, twin])).toBe("1-9da2eb60c39b");
  });
});

describe("what a typed id names among recent threads", () => {
  it("a unique end names its thread", () => {
    expect(matchThread("eb60c39b", RECENT)).toEqual({ kind: "one", id: A });
    expect(matchThread("c39b", RECENT)).toEqual({ kind: "one", id: A });
  });

  it("a unique start names its thread, with or without hyphens, in any case", () => {
    expect(matchThread("01a24930-3c", RECENT)).toEqual({ kind: "one", id: B });
    expect(matchThread("01A249303C", RECENT)).toEqual({ kind: "one", id: B });
  });

  it("a whole id names itself", () => {
    expect(matchThread(C, RECENT)).toEqual({ kind: "one", id: C });
  });

  it("a start several share names them all, in the list's order", () => {
    expect(matchThread("01a24930", RECENT)).toEqual({ kind: "several", ids: RECENT });
  });

  it("a part that is one id's start and another's end names both", () => {
    const ends = "ffffffff-0000-7000-8000-00000001a249";
    expect(matchThread("01a249", [A, ends])).toEqual({ kind: "several", ids: [A, ends] });
  });

  it("a part no id starts or ends with names none, nor does a middle part", () => {
    expect(matchThread("deadbeef", RECENT)).toEqual({ kind: "none" });
    expect(matchThread("74c9", RECENT)).toEqual({ kind: "none" });
    expect(matchThread("", RECENT)).toEqual({ kind: "none" });
  });

  it("only hex digits and hyphens can be part of an id", () => {
    expect(["eb60c39b", "01A2-49", "7"].map(couldBeId)).toEqual([true, true, true]);
    expect(["", "-", "foo", "3 4", "#3"].map(couldBeId)).toEqual([false, false, false, false, false]);
  });
});

describe("the one line said when a typed id names no thread or several", () => {
  it("names where it looked when nothing matches", () => {
    expect(unresolved("deadbeef", { kind: "none" }, "the 3 threads on local")).toBe(
      'no thread id starts or ends with "deadbeef" among the 3 threads on local (chat threads, /threads list them)',
    );
  });

  it("lists the candidates, the first five and how many more", () => {
    expect(unresolved("01a2", { kind: "several", ids: RECENT }, "x")).toBe(
      `"01a2" is the start or end of 3 thread ids: ${A}, ${B}, ${C}; give more of it`,
    );
    const many = Array.from({ length: 7 }, (_, i) => `id${i}`);
    expect(unresolved("0", { kind: "several", ids: many }, "x")).toMatch(/: id0, id1, id2, id3, id4, and 2 more; give more/);
  });

  it("says what cannot be part of an id, clipped", () => {
    expect(notAnId("foo")).toBe('not a thread id: "foo" (thread ids are UUIDs: give one, or any unique start or end of one)');
    expect(notAnId("x".repeat(100))).toContain(`"${"x".repeat(40)}…"`);
    expect(unresolved("\n".repeat(3), { kind: "none" }, "x")).not.toContain("\n");
  });
});
