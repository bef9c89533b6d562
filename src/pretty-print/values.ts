// A run's output for a graph whose state has no messages: the state itself, readably. Pure.
import { neutralise } from "../sanitize.js";
import { plainTheme, titleRule, type Theme } from "./pretty.js";

/** A rule titled "State" (as a message's title is drawn), then the values as indented JSON, escaped. */
export function prettyValues(values: Readonly<Record<string, unknown>>, theme: Theme = plainTheme): string {
  const rule = theme.title(titleRule("State", theme.width), "state");
  return `${rule}\n\n${neutralise(JSON.stringify(values, null, 2))}\n`;
}
