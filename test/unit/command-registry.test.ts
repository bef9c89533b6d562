// The slash-command registry: every entry is reachable by each of its names, parses what its usage
// says, and is what /help shows.
import { describe, expect, it } from "vitest";
import { COMMANDS, MESSAGE, commandNamed, type Command } from "../../src/interactive/command-registry.js";
import {
  DROPS_QUESTION,
  NO_QUESTION,
  NO_THREAD,
  availabilityOf,
  verdict,
  type Situation,
} from "../../src/interactive/command-gate.js";
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
  unsend: ["#3", { kind: "withdraw", how: "unsend", index: 2 }],
  drop: ["2", { kind: "withdraw", how: "drop", index: 1 }],
  rewind: ["#2", { kind: "rewind", index: 1 }],
  dismiss: ["", { kind: "dismiss" }],
  export: ["thread.md", { kind: "export", file: "thread.md", replace: false }],
  new: ["", { kind: "new" }],
  threads: ["", { kind: "threads" }],
  thread: ["abc", { kind: "thread", threadId: "abc" }],
  help: ["", { kind: "help" }],
  quit: ["", { kind: "quit" }],
};

const first = (names: readonly string[]) => names[0] ?? "";

describe("the command registry", () => {
  it("/unsend and /drop take #n or n, and refuse anything else (#0, words) with their usage", () => {
    for (const bad of ["/unsend", "/unsend #0", "/drop x", "/drop #-1", "/unsend #2 #3"])
      expect(parseInput(bad), bad).toMatchObject({ kind: "hint", text: expect.stringMatching(/^usage: \/(unsend|drop) #n/) });
    expect(parseInput("/unsend 12")).toEqual({ kind: "withdraw", how: "unsend", index: 11 });
  });

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
      threads: true,
      retry: true,
      withdraw: true,
      rewind: true,
      dismiss: true,
      export: true,
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
    const cases = [
      "/strategy",
      "/strategy nope",
      "/interrupt",
      "/answer",
      "/send",
      "/hold maybe",
      "/cancel some",
      "/thread",
      "/export",
      "/export!",
    ];
    for (const line of cases) {
      const name = line.split(" ")[0] ?? "";
      expect(parseInput(line), line).toEqual({ kind: "hint", text: expect.stringContaining(name) });
    }
  });

  it("/export takes the rest of the line as the file name; /export! may replace an existing file", () => {
    expect(parseInput("/export  my thread.md ")).toEqual({ kind: "export", file: "my thread.md", replace: false });
    expect(parseInput("/export! ~/out.txt")).toEqual({ kind: "export", file: "~/out.txt", replace: true });
    expect(parseInput("/export")).toEqual({ kind: "hint", text: "usage: /export <file> (a .md name writes Markdown)" });
  });

  it("/thread takes a number from /threads (up to 3 digits, # optional) or any other text as an id", () => {
    expect(parseInput("/thread 3")).toEqual({ kind: "thread", pick: 3 });
    expect(parseInput("/thread #12")).toEqual({ kind: "thread", pick: 12 });
    for (const typed of ["1234", "0", "03", "eb60c39b", "01a24930-3c00"])
      expect(parseInput(`/thread ${typed}`), typed).toEqual({ kind: "thread", threadId: typed });
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
    const help = helpText(1000); // wide enough that nothing wraps
    let from = 0;
    for (const entry of COMMANDS) {
      for (const [usage, text] of [[entry.usage, entry.help] as const, ...(entry.variants ?? [])]) {
        // Its description follows its name, on the same line or (a long name) the next.
        const at = help.indexOf(`  ${usage}`, from);
        expect(at, usage).toBeGreaterThanOrEqual(from);
        expect(
          help
            .slice(at + 2 + usage.length)
            .trimStart()
            .startsWith(text),
          usage,
        ).toBe(true);
        from = at + 1;
      }
    }
  });
});

describe("when a command may go", () => {
  const calm: Situation = { question: false, thread: true, confirmed: false };
  const asking: Situation = { ...calm, question: true };
  const named = (name: string) => commandNamed(name)?.when ?? MESSAGE;

  it("entries of one kind agree on it (the controller looks it up by a command's kind)", () => {
    for (const entry of COMMANDS) {
      const parsed = parseInput(`/${first(entry.names)} ${EXAMPLES[first(entry.names)]?.[0] ?? ""}`);
      expect(parsed && availabilityOf(parsed), first(entry.names)).toBe(entry.when);
    }
  });

  it("an answer or /continue is refused while no question is open, and goes while one is", () => {
    for (const name of ["answer", "approve", "edit", "accept", "respond", "ignore", "continue"]) {
      expect(verdict(named(name), calm), name).toEqual({ refused: NO_QUESTION });
      expect(verdict(named(name), asking), name).toBe("go");
    }
  });

  it("a new message over an open question is refused once, saying it drops the question, then goes", () => {
    for (const name of ["send", "reject", "interrupt", "rollback", "enqueue"]) {
      expect(verdict(named(name), asking), name).toEqual({ refused: DROPS_QUESTION, asked: true });
      expect(verdict(named(name), { ...asking, confirmed: true }), name).toBe("go");
      expect(verdict(named(name), calm), name).toBe("go");
    }
  });

  it("a line that is no command answers an open question, and is a message otherwise", () => {
    const typed = parseInput("yes please");
    expect(typed && availabilityOf(typed)).toBe(MESSAGE);
    expect(verdict(MESSAGE, asking)).toBe("answer");
    expect(verdict(MESSAGE, calm)).toBe("go");
  });

  it("commands that neither send nor answer go whatever is open", () => {
    for (const entry of COMMANDS.filter((e) => e.kind !== "send" && e.kind !== "answer" && e.kind !== "continue")) {
      expect(verdict(entry.when, asking), entry.usage).toBe("go");
      expect(entry.when.held, entry.usage).toBe("yes");
    }
  });

  it("with hold on, /send and /<strategy> go at once while a typed message waits", () => {
    for (const line of ["/send now", "/interrupt now"]) {
      const command = parseInput(line);
      expect(command && availabilityOf(command).held, line).toBe("goes");
    }
    expect(MESSAGE.held).toBe("waits");
  });

  it("with no thread open, only what needs none goes", () => {
    const none = { ...calm, thread: false };
    const go = COMMANDS.filter((entry) => verdict(entry.when, none) === "go").map((entry) => first(entry.names));
    expect(go).toEqual(["strategy", "hold", "new", "threads", "thread", "help", "quit"]);
    expect(verdict(named("cancel"), none)).toEqual({ refused: NO_THREAD });
    expect(verdict(MESSAGE, none)).toEqual({ refused: NO_THREAD });
  });
});

describe("/help fits the window", () => {
  it.each([100, 80, 40])(
    "at %i columns every line fits, descriptions wrap under their column, a long name gets its own line",
    (columns) => {
      const lines = helpText(columns).split("\n");
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(columns);
      // Names at 2, descriptions under them at 31 (or 6, narrow); at column 0 only the headings' words.
      for (const line of lines) {
        if (line.startsWith(" ")) expect(line).toMatch(/^( {2}| {6}| {31})\S/);
        else expect(line).toMatch(/^(Keys|Commands|Strategies\b[^/]*|[a-z(][^/]*)$/);
      }
      // "/accept, /respond <text>, /ignore" is longer than its column: its description starts on the next line.
      const at = lines.findIndex((l) => l.startsWith("  /accept, /respond <text>, /ignore"));
      expect(lines[at]?.trimEnd()).toBe("  /accept, /respond <text>, /ignore");
      // What each strategy does to the running run and to pending ones.
      expect(helpText(columns).replace(/\s+/g, " ")).toMatch(
        /interrupt the running run is stopped, its output so far kept; pending runs are cancelled/,
      );
    },
  );
});
