// Canned, deterministic weather for the demo agent: no network, no API key.

export interface Weather {
  place: string;
  fahrenheit: number;
  conditions: string;
  wind: string;
}

const ALIASES: Record<string, string> = {
  sf: "san francisco",
  sfo: "san francisco",
  "san fran": "san francisco",
  nyc: "new york city",
  ny: "new york city",
  "new york": "new york city",
  la: "los angeles",
};

const KNOWN: Record<string, Omit<Weather, "place">> = {
  "san francisco": { fahrenheit: 57, conditions: "mostly sunny", wind: "WSW 10 mph" },
  "new york city": { fahrenheit: 85, conditions: "sunny", wind: "SSE 2 mph" },
  "los angeles": { fahrenheit: 72, conditions: "clear", wind: "W 6 mph" },
};

const CONDITIONS = ["sunny", "partly cloudy", "overcast", "light rain", "windy", "foggy"];
const DIRECTIONS = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"];

/** "what's the weather in sf?" -> "san francisco"; anything else -> the text itself. */
export function placeFrom(text: string): string {
  const match = /\b(?:in|for|at)\s+(.+?)[\s?.!]*$/i.exec(text.trim());
  const place = (match?.[1] ?? text)
    .trim()
    .toLowerCase()
    .replace(/[?.!]+$/, "");
  return ALIASES[place] ?? (place || "nowhere in particular");
}

/** Asks about the weather (or names a place): anything else is small talk, answered plainly. */
export function isWeatherQuestion(text: string): boolean {
  if (/\b(weather|forecast|temperature|rain|snow|sunny|wind|hot|cold)\b/i.test(text)) return true;
  if (/\b(?:in|for|at)\s+\S/i.test(text)) return true;
  const words = text.toLowerCase();
  return [...Object.keys(ALIASES), ...Object.keys(KNOWN)].some((place) => new RegExp(`\\b${place}\\b`).test(words));
}

export const SMALL_TALK =
  "Hi! I'm chat's demo agent, running offline. Ask me about the weather somewhere (\"what's the weather in sf?\"), " +
  "and keep typing while I answer: each message becomes a run, sent with the strategy in the status bar (Tab changes it). /help lists the rest.";

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
  const w = weatherIn(placeFrom(query));
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
