// The coloured theme for terminals: bold titles, one colour per role. NO_COLOR turns it off.
import { Chalk } from "chalk";
import { plainTheme, type Theme } from "./pretty.js";

const ROLE_COLOUR: Record<string, "cyan" | "green" | "yellow" | "magenta"> = {
  human: "cyan",
  ai: "green",
  AIMessageChunk: "green",
  tool: "yellow",
  system: "magenta",
};

export function colourEnabled(env: NodeJS.ProcessEnv, isTty: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return isTty;
}

export function colourTheme(width?: number): Theme {
  const chalk = new Chalk({ level: 1 });
  return {
    width,
    // Own keys only: a message type such as "constructor" must not reach Object.prototype.
    title: (rule, type) => chalk.bold[Object.hasOwn(ROLE_COLOUR, type) ? (ROLE_COLOUR[type] ?? "white") : "white"](rule),
    name: (line) => chalk.dim(line),
    toolHeader: (line) => chalk.bold(line),
  };
}

export function themeFor(env: NodeJS.ProcessEnv, isTty: boolean, width?: number): Theme {
  if (colourEnabled(env, isTty)) return colourTheme(width);
  return width === undefined ? plainTheme : { ...plainTheme, width };
}
