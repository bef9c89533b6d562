// The offline demo agent knows a handful of cities by their names and short names; anything else
// is small talk, answered plainly (a weather question about a city it does not know: which it knows).
import { expect, it } from "vitest";
import { SMALL_TALK, WHICH_CITY, cityIn, heard, searchResult } from "../../src/server/weather.js";

it("a known city is found by its name or short name, anywhere in the message, as a whole word", () => {
  expect(cityIn("what's the weather in sf?")).toBe("san francisco");
  expect(cityIn("and la?")).toBe("los angeles");
  expect(cityIn("and in nyc?")).toBe("new york city");
  expect(cityIn("How about New  York City tomorrow")).toBe("new york city");
  expect(cityIn("is it raining in L.A.?")).toBe("los angeles");
  expect(cityIn("weather in Tokyo, then Paris")).toBe("tokyo");
  expect(cityIn("what about in oslo")).toBe("oslo");
  // Not inside other words, and no city is made of what merely follows "in".
  expect(cityIn("the plan is laid out")).toBeUndefined();
  expect(cityIn("and la?")).not.toBe("and la");
});

it("double-texted follow-ups and long messages: a known city is looked up, anything else is small talk", () => {
  expect(heard("and la?")).toEqual({ city: "los angeles" });
  const long = "I was wondering in a general sort of way what you think about all this";
  expect(heard(long)).toEqual({ smallTalk: SMALL_TALK });
  expect(["hi", "hello there", "thanks!"].map(heard)).toEqual([0, 1, 2].map(() => ({ smallTalk: SMALL_TALK })));
  // About the weather, but nowhere it knows: it says where it does.
  expect(heard("what's the weather in springfield?")).toEqual({ smallTalk: WHICH_CITY });
  expect(heard("forecast?")).toEqual({ smallTalk: WHICH_CITY });
  expect(WHICH_CITY).toMatch(/^I only know the weather in San Francisco \(sf\), New York City \(nyc\), Los Angeles \(la\), /);
  expect(SMALL_TALK).toMatch(/what's the weather in sf\?/);
});

it("the search tool answers for the city its query names", () => {
  expect(searchResult("weather in los angeles")).toContain('"content": "Current weather in Los Angeles: 72°F (22°C), clear');
});
