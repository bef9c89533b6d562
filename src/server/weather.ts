// Canned, deterministic weather for the demo agent: no network, no API key.

export interface Weather {
  place: string;
  fahrenheit: number;
  conditions: string;
  wind: string;
}

/** The cities the demo knows, each with the short names people type for it. */
const CITIES: Record<string, readonly string[]> = {
  "san francisco": ["sf", "sfo", "san fran"],
  "new york city": ["nyc", "ny", "new york"],
  "los angeles": ["la", "l.a."],
  chicago: [],
  seattle: [],
  boston: [],
  london: [],
  paris: [],
  berlin: [],
  rome: [],
  oslo: [],
  cairo: [],
  delhi: ["new delhi"],
  tokyo: [],
  sydney: [],
  lima: [],
};

const KNOWN: Record<string, Omit<Weather, "place">> = {
  "san francisco": { fahrenheit: 57, conditions: "mostly sunny", wind: "WSW 10 mph" },
  "new york city": { fahrenheit: 85, conditions: "sunny", wind: "SSE 2 mph" },
  "los angeles": { fahrenheit: 72, conditions: "clear", wind: "W 6 mph" },
};

const CONDITIONS = ["sunny", "partly cloudy", "overcast", "light rain", "windy", "foggy"];
const DIRECTIONS = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"];

const NAMES = new Map(Object.entries(CITIES).flatMap(([city, short]) => [city, ...short].map((name) => [name, city] as const)));
// Every name as a whole word, longer names first so "new york city" is not read as "new york".
const NAMED = new RegExp(
  `(?<![\\p{L}\\p{N}])(${[...NAMES.keys()]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.]/g, "\\.").replace(/ /g, "\\s+"))
    .join("|")})(?![\\p{L}\\p{N}])`,
  "iu",
);

/** The known city a message names first ("and la?" -> "los angeles"); undefined when it names none. */
export function cityIn(text: string): string | undefined {
  const name = NAMED.exec(text)?.[1];
  return name === undefined ? undefined : NAMES.get(name.toLowerCase().replace(/\s+/g, " "));
}

const WEATHER_WORDS = /\b(weather|forecast|temperature|rain|raining|snow|snowing|sunny|wind|windy|hot|cold|warm)\b/i;

export const SMALL_TALK =
  "Hi! I'm chat's demo agent, running offline. Ask me about the weather somewhere (\"what's the weather in sf?\"), " +
  "and keep typing while I answer: each message becomes a run, sent with the strategy in the status bar (Tab changes it). /help lists the rest.";

const known = Object.keys(CITIES).map((city) => {
  const short = CITIES[city]?.[0];
  return short && short.length < city.length ? `${displayName(city)} (${short})` : displayName(city);
});

/** A weather question about a city the demo does not know: it says which it does. */
export const WHICH_CITY =
  `I only know the weather in ${known.slice(0, -1).join(", ")} and ${known.at(-1) ?? ""}. ` +
  'Which one? ("what\'s the weather in sf?")';

/** What a human message is to the demo: a known city to look up, or small talk answered plainly. */
export function heard(text: string): { city: string } | { smallTalk: string } {
  const city = cityIn(text);
  if (city !== undefined) return { city };
  return { smallTalk: WEATHER_WORDS.test(text) ? WHICH_CITY : SMALL_TALK };
}

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
  return h;
}

export function weatherIn(place: string): Weather {
  const known = KNOWN[place];
  if (known) return { place, ...known };
  const h = hash(place);
  return {
    place,
    fahrenheit: 40 + (h % 50),
    conditions: CONDITIONS[h % CONDITIONS.length] ?? "sunny",
    wind: `${DIRECTIONS[(h >>> 8) % DIRECTIONS.length] ?? "N"} ${(h >>> 16) % 15} mph`,
  };
}

export function displayName(place: string): string {
  return place.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

export const celsius = (f: number): number => Math.round(((f - 32) * 5) / 9);

/** The search tool's result, shaped like a web-search tool's JSON answer. */
export function searchResult(query: string): string {
  const w = weatherIn(cityIn(query) ?? "nowhere in particular");
  const content =
    `Current weather in ${displayName(w.place)}: ${w.fahrenheit}°F (${celsius(w.fahrenheit)}°C), ` +
    `${w.conditions}, wind ${w.wind}.`;
  const url = `https://weather.example/${w.place.replace(/\s+/g, "-")}`;
  return `[{"url": ${JSON.stringify(url)}, "content": ${JSON.stringify(content)}}]`;
}

export function answer(place: string): string {
  const w = weatherIn(place);
  return (
    `It's ${w.fahrenheit}°F (${celsius(w.fahrenheit)}°C) and ${w.conditions} in ${displayName(w.place)} ` +
    `right now, with wind ${w.wind}.`
  );
}
