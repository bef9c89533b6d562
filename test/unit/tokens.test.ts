// The status bar's token total follows the branch in view: a rewind takes the runs it forks away
// from out of it, once, however many rewinds there are.
import { describe, expect, it } from "vitest";
import { forkedTokens, openedTokens, ranTokens, tokenTotal } from "../../src/interactive/tokens.js";

const ai = (total: number) => ({
  type: "ai",
  content: "x",
  usage_metadata: { input_tokens: 0, output_tokens: total, total_tokens: total },
});
const total = (t: ReturnType<typeof openedTokens>) => tokenTotal(t)?.total_tokens;

describe("the thread's tokens", () => {
  it("are what it had when opened plus every run since", () => {
    let t = openedTokens([ai(5)]);
    t = ranTokens(t, 0, [ai(10)]);
    t = ranTokens(t, 1, [{ type: "human", content: "no usage" }, ai(20), ai(1)]);
    expect(total(t)).toBe(36);
  });

  it("lose the runs a rewind forks away from: the message it forks before and every later one", () => {
    let t = openedTokens([ai(5)]);
    for (const [i, n] of [10, 20, 40].entries()) t = ranTokens(t, i, [ai(n)]);
    t = forkedTokens(t, 1);
    expect(total(t)).toBe(15);
    t = ranTokens(t, 3, [ai(100)]);
    expect(total(t)).toBe(115);
    // A second rewind, past the first fork: what was already off the branch is not taken off twice.
    t = forkedTokens(t, 2);
    expect(total(t)).toBe(15);
    t = forkedTokens(t, 3);
    expect(total(t)).toBe(15);
  });

  it("are none when no message reports any", () => {
    expect(total(ranTokens(openedTokens([]), 0, [{ type: "ai", content: "x" }]))).toBeUndefined();
  });
});
