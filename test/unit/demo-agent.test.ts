// The offline demo agent answers small talk plainly and says what it can do; weather questions
// (or a place) get its search tool.
import { expect, it } from "vitest";
import { SMALL_TALK, isWeatherQuestion } from "../../src/server/weather.js";

it("small talk is answered plainly; anything about the weather or a place goes to the weather search", () => {
  expect(["hi", "hello there", "thanks!"].map(isWeatherQuestion)).toEqual([false, false, false]);
  expect(["what's the weather in sf?", "and nyc?", "forecast?", "what about in oslo"].map(isWeatherQuestion)).toEqual([
    true,
    true,
    true,
    true,
  ]);
  expect(SMALL_TALK).toMatch(/what's the weather in sf\?/);
});
