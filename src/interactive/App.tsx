// The interactive face: transcript (static), live run, queue, input, status bar over one
// engine session. Keys and commands are interpreted here; everything else is delegated.
import { useCallback, useMemo, useRef, useState } from "react";
import { Box, Static, Text, useApp, useInput } from "ink";
import type { Session } from "../engine/session.js";
import { isTerminal } from "../engine/types.js";
import type { Strategy } from "../strategies.js";
import type { MessageDict } from "../engine/message.js";
import { prettyRepr, type Theme } from "../pretty-print/pretty.js";
import { errorMessage } from "../errors.js";
import { neutralise } from "../sanitize.js";
import { helpText, nextStrategy, parseInput, type Command } from "./commands.js";
import { EMPTY, edit, newlineInstead, setValue, type EditState } from "./editing.js";
import type { InputHistory } from "./input-history.js";
import { useSession } from "./hooks/useSession.js";
import { useNow } from "./hooks/useNow.js";
import { useColumns } from "./hooks/useColumns.js";
import { useInputHistory } from "./hooks/useInputHistory.js";
import { Input } from "./components/Input.js";
import { LiveRun } from "./components/LiveRun.js";
import { Queue, RECENT_MS, visibleInQueue } from "./components/Queue.js";
import { StatusBar } from "./components/StatusBar.js";

export interface ExitInfo {
  threadId: string;
  unfinished: number;
}

export interface AppProps {
  initialSession: Session;
  openSession(threadId?: string): Promise<Session>;
  deployment: string;
  assistant: string;
  initialStrategy: Strategy;
  history: InputHistory;
  theme(width: number): Theme;
  onExit(info: ExitInfo): void;
}

type Item = { key: string; text: string; tone?: "notice" | "warning" };

export function App(props: AppProps) {
  const { exit } = useApp();
  const columns = useColumns();
  const [session, setSession] = useState(props.initialSession);
  // Keys can arrive faster than React renders: the handler reads and writes these refs so a
  // burst (Tab, then text, then Enter) acts on what came just before it, not on a stale render.
  const [strategy, setStrategyState] = useState(props.initialStrategy);
  const strategyRef = useRef(props.initialStrategy);
  const setStrategy = (next: Strategy) => {
    strategyRef.current = next;
    setStrategyState(next);
  };
  const [input, setInputState] = useState<EditState>(EMPTY);
  const inputRef = useRef<EditState>(EMPTY);
  const setInput = (next: EditState) => {
    inputRef.current = next;
    setInputState(next);
  };
  const [dismissed, setDismissed] = useState<ReadonlySet<number>>(new Set());
  const nextKey = useRef(0);
  const theme = useMemo(() => props.theme(Math.min(80, columns)), [props, columns]);
  const themeRef = useRef(theme);
  themeRef.current = theme;
  const history = useInputHistory(props.history);

  const printMessages = (list: readonly MessageDict[]): Item[] =>
    list.map((m) => ({ key: `m${nextKey.current++}`, text: prettyRepr(m, themeRef.current) }));
  const [items, setItems] = useState<Item[]>(() => printMessages(props.initialSession.initialMessages));
  const onMessages = useCallback((list: readonly MessageDict[]) => setItems((old) => [...old, ...printMessages(list)]), []);
  const say = useCallback((text: string, tone: Item["tone"] = "notice") => {
    setItems((old) => [...old, { key: `n${nextKey.current++}`, text: neutralise(text), tone }]);
  }, []);

  const { messages, live, connection } = useSession(session, onMessages);
  const moving = messages.some((m) => !isTerminal(m.status) || Date.now() - (m.finishedAt ?? 0) < RECENT_MS);
  const now = useNow(moving);
  const queue = visibleInQueue(messages, now, dismissed);

  const leave = () => {
    const unfinished = session.getSnapshot().filter((m) => !isTerminal(m.status)).length;
    props.onExit({ threadId: session.threadId, unfinished });
    exit();
  };

  const pulledBack = useRef<{ index: number; text: string } | undefined>(undefined);
  /** The last rejected or failed message's text, taken out of the queue into the input. */
  const pullBack = (): EditState | undefined => {
    const last = [...messages].reverse().find((m) => (m.status === "rejected" || m.status === "failed") && !dismissed.has(m.index));
    if (!last) {
      say("nothing rejected or failed to pull back");
      return undefined;
    }
    setDismissed(new Set([...dismissed, last.index]));
    pulledBack.current = { index: last.index, text: last.text };
    return setValue(last.text);
  };

  // The session in use right now (renders may lag behind a switch).
  const sessionRef = useRef(session);
  sessionRef.current = session;
  const switching = useRef(false);
  /** What would be lost by leaving this thread: messages in flight, refusals not dismissed. */
  const blocking = (from: Session, hidden: ReadonlySet<number>) =>
    from.getSnapshot().filter((m) => !isTerminal(m.status) || ((m.status === "rejected" || m.status === "failed") && !hidden.has(m.index))).length;

  const switchTo = (threadId?: string) => {
    const from = sessionRef.current;
    const waiting = blocking(from, dismissed);
    if (switching.current) return say("already switching threads", "warning");
    if (waiting) return say(`${waiting} message(s) still in the queue: wait for them, /cancel all, or /dismiss first`, "warning");
    switching.current = true;
    props
      .openSession(threadId)
      .then((next) => {
        if (blocking(from, dismissed)) {
          next.close();
          return say("a message was sent meanwhile; stayed on this thread", "warning");
        }
        from.close();
        sessionRef.current = next;
        setDismissed(new Set());
        setSession(next);
        say(`${threadId ? "switched to" : "new"} thread ${next.threadId}`);
        setItems((old) => [...old, ...printMessages(next.initialMessages)]);
      })
      .catch((err: unknown) => say(errorMessage(err), "warning"))
      .finally(() => {
        switching.current = false;
      });
  };

  /** Carries out a command; returns what the input should hold afterwards, if not empty. */
  const run = (command: Command): EditState | undefined => {
    switch (command.kind) {
      case "send": {
        // Resending what was pulled back: the engine checks whether the first try got through.
        const retryOf = pulledBack.current?.text === command.text ? pulledBack.current.index : undefined;
        pulledBack.current = undefined;
        sessionRef.current.send(command.text, command.strategy ?? strategyRef.current, { retryOf });
        return;
      }
      case "strategy":
        setStrategy(command.strategy);
        return;
      case "cancel":
        sessionRef.current.cancel(command.scope).then(
          (n) => say(n ? `asked the server to stop ${n} run(s)` : "no run to cancel"),
          (err: unknown) => say(`cancel failed: ${errorMessage(err)}`, "warning"),
        );
        return;
      case "new":
        switchTo();
        return;
      case "thread":
        switchTo(command.threadId);
        return;
      case "retry":
        return pullBack();
      case "dismiss":
        setDismissed(new Set(messages.filter((m) => m.status === "rejected" || m.status === "failed").map((m) => m.index)));
        return;
      case "help":
        say(helpText());
        return;
      case "quit":
        leave();
        return;
      case "hint":
        say(command.text, "warning");
        return inputRef.current;
    }
  };

  /** Enter: a new line (after "\\" or with Alt), or send/run what was typed. */
  const enter = (state: EditState, meta: boolean): EditState => {
    const withNewline = newlineInstead(state, { meta });
    if (withNewline) return withNewline;
    const command = parseInput(state.value);
    if (!command) return EMPTY;
    if (command.kind !== "hint") history.add(state.value);
    inputRef.current = state;
    return run(command) ?? EMPTY;
  };

  useInput((text, key) => {
    const input = inputRef.current;
    if (key.ctrl && text === "c") {
      if (input.value !== "") setInput(EMPTY);
      else leave();
      return;
    }
    if (key.tab) return setStrategy(nextStrategy(strategyRef.current));
    if (key.escape) return void run({ kind: "cancel", scope: "running" });
    if (key.ctrl && text === "r") {
      const pulled = pullBack();
      if (pulled) setInput(pulled);
      return;
    }
    if (key.upArrow || key.downArrow) {
      const shown = history.move(key.upArrow ? -1 : 1, input.value);
      if (shown !== undefined) setInput(setValue(shown));
      return;
    }
    if (key.return) return setInput(enter(input, key.meta));
    if (text === "\n") return setInput(edit(input, "\n", {})); // Ctrl+J: a new line
    if (text.includes("\r")) {
      // Several keys in one read (fast typing, a script, a paste): each CR is an Enter.
      const parts = text.split(/\r\n?/);
      let state = input;
      parts.forEach((part, i) => {
        state = edit(state, part, {});
        if (i < parts.length - 1) state = enter(state, false);
      });
      return setInput(state);
    }
    setInput(edit(input, text, key));
  });

  return (
    <>
      <Static items={items}>
        {(item) => (
          <Text key={item.key} dimColor={item.tone === "notice"} color={item.tone === "warning" ? "yellow" : undefined}>
            {item.text}
          </Text>
        )}
      </Static>
      <Box flexDirection="column">
        <LiveRun live={live} columns={columns} />
        <Queue messages={queue} now={now} columns={columns} />
        <Input state={input} strategy={strategy} />
        <StatusBar
          deployment={props.deployment}
          assistant={props.assistant}
          threadId={session.threadId}
          strategy={strategy}
          connection={connection}
        />
      </Box>
    </>
  );
}
