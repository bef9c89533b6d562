// The slash-command registry: every entry is reachable by each of its names, parses what its usage
// says, and is what /help shows.
import { describe, expect, it } from "vitest";
import { COMMANDS, commandNamed, type Command } from "../../src/interactive/command-registry.js";
import { helpText, parseInput } from "../../src/interactive/commands.js";

/** For each entry (by its first name): an argument its usage takes, and what the line means. */
const EXAMPLES: Record<string, readonly [string, Command]> = {
  strategy: ["rollback", { kind: "strategy", strategy: "rollback" }],
  reject: ["look at nyc instead", { kind: "send", text: "look at nyc instead", strategy: "reject", explicit: true }],
  answer: ["#2 yes", { kind: "answer", text: "yes", which: 2 }],
  approve: ["", { kind: "answer", text: "", word: "approve" }],
  accept: ["", { kind: "answer", text: "", word: "accept" }],
  continue: ["", { kind: "continue" }],
  send: ["hi there", { kind: "send", text: "hi there", explicit: true }],
  hold: ["off", { kind: "hold", on: false }],
  cancel: ["all", { kind: "cancel", scope: "all" }],
  retry: ["", { kind: "retry" }],
  dismiss: ["", { kind: "dismiss" }],
  new: ["", { kind: "new" }],
  thread: ["abc", { kind: "thread", threadId: "abc" }],
  help: ["", { kind: "help" }],
  quit: ["", { kind: "quit" }],
};

const first = (names: readonly string[]) => names[0] ?? "";

describe("the command registry", () => {
  it("gives every command kind but a hint an entry", () => {
    // A Record over the kinds: a kind added to Command without an entry fails to compile here.
    const kinds: Record<Exclude<Command["kind"], "hint">, true> = {
      send: true,
      answer: true,
      continue: true,
      hold: true,
      strategy: true,
      cancel: true,
      new: true,
      thread: true,
      retry: true,
      dismiss: true,
      help: true,
      quit: true,
    };
    for (const kind of Object.keys(kinds))
      expect(
        COMMANDS.some((entry) => entry.kind === kind),
        kind,
      ).toBe(true);
  });

  it("names each command once: no name or alias belongs to two entries", () => {
    const names = COMMANDS.flatMap((entry) => entry.names);
    expect(new Set(names).size).toBe(names.length);
    for (const entry of COMMANDS) for (const name of entry.names) expect(commandNamed(name)).toBe(entry);
  });

  it.each(COMMANDS.map((entry) => [first(entry.names), entry] as const))(
    "/%s parses its usage's example, under each of its names, to its kind",
    (name, entry) => {
      const example = EXAMPLES[name];
      expect(example, `an example for /${name}`).toBeDefined();
      const [arg, command] = example ?? ["", { kind: "help" }];
      expect(parseInput(`/${name} ${arg}`)).toEqual(command);
      expect(command.kind).toBe(entry.kind);
      for (const alias of entry.names) expect(parseInput(`  /${alias}   ${arg}  `)).toMatchObject({ kind: entry.kind });
    },
  );

  it("a command missing its argument, or given one it does not take, says how to type it", () => {
    const cases = ["/strategy", "/strategy nope", "/interrupt", "/answer", "/send", "/hold maybe", "/cancel some", "/thread"];
    for (const line of cases) {
      const name = line.split(" ")[0] ?? "";
      expect(parseInput(line), line).toEqual({ kind: "hint", text: expect.stringContaining(name) });
    }
  });

  it("an unknown name, or one in another case, is a hint pointing at /help and //", () => {
    for (const line of ["/frobnicate x", "/HELP", "/", "/toString", "/__proto__"]) {
      expect(parseInput(line), line).toMatchObject({
        kind: "hint",
        text: expect.stringMatching(/^unknown command .*\/help.*\/\//),
      });
    }
  });

  it("/help shows every entry's usage and help, and each of its variants, in registry order", () => {
    const help = helpText();
    let from = 0;
    for (const entry of COMMANDS) {
      for (const [usage, text] of [[entry.usage, entry.help] as const, ...(entry.variants ?? [])]) {
        const at = help.indexOf(`  ${usage.padEnd(28)} ${text}`, from);
        expect(at, usage).toBeGreaterThanOrEqual(from);
        from = at + 1;
      }
    }
  });
});
