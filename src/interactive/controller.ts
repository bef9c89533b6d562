// Everything the interactive UI knows and does, without React: the session in view, the strategy,
// the input being edited, the transcript, what is dismissed. The Ink view only subscribes and draws.
import type { Key } from "ink";
import type { Session } from "../engine/session.js";
import type { OutgoingMessage, SessionEvent } from "../engine/types.js";
import { isDismissable, unsettled } from "./queue-rules.js";
import { STRATEGY_HELP, type Strategy } from "../strategies.js";
import { errorMessage } from "../errors.js";
import { helpText, nextStrategy, parseInput } from "./commands.js";
import { availabilityOf, dispatch, verdict, type Command, type CommandHandlers } from "./command-gate.js";
import { EMPTY, edit, lineMove, newlineInstead, setValue, type EditState } from "./editing.js";
import { HistoryWalker } from "./history-walker.js";
import { eventPatch } from "./session-events.js";
import { firstSnapshot, forkedPatch, threadPatch, type ChatSnapshot, type ControllerOptions } from "./snapshot.js";
import type { Question } from "../engine/interrupts.js";
import { Transcript, type TranscriptItem } from "./transcript.js";
import { answerAction } from "./answering.js";
import { KeySplitter } from "./keys.js";
import { Work } from "./work.js";
import { ThreadPicker } from "./thread-list.js";
import { ThreadSwitch } from "./thread-switch.js";
import { Listeners } from "./listeners.js";
import { Recall, cancelInto, rewindInto, takeBackInto, type InputLine } from "./take-back.js";
import { exportInto } from "./exporting.js";

export type { ChatSnapshot, ControllerOptions, ExitInfo, TranscriptItem } from "./snapshot.js";

export class ChatController {
  private state: ChatSnapshot;
  private session: Session;
  private detach: () => void;
  private readonly listeners = new Listeners();
  private readonly history: HistoryWalker;
  private readonly work = new Work();
  private readonly transcript: Transcript;
  private readonly keys = new KeySplitter();
  private readonly recall = new Recall();
  /** What /unsend, /drop and /rewind need: the session, and the input line to put a message back into. */
  private readonly line: InputLine = {
    session: () => this.session,
    recall: this.recall,
    typed: () => this.state.input.value,
    keep: (text) => this.history.add(text),
    put: (text) => this.setInput(setValue(text)),
    say: (text, tone) => this.say(text, tone),
    tell: (text, tone = "notice") => this.update({ notice: { text, tone } }),
  };
  private readonly switcher = new ThreadSwitch((id, assistant) => this.options.openSession(id, assistant), {
    session: () => this.session,
    dismissed: () => this.state.dismissed,
    view: (next, from, threadId) => this.view(next, from, threadId),
    say: (text, tone) => this.say(text, tone),
    refuse: (why) => this.refuse(why),
  });
  /** A new message typed over an open question waits for a second /send: it drops the question. */
  private confirmSend: string | undefined;
  /** The line just submitted, put back when an answer in it is refused. */
  private submitted = "";
  /** Ctrl+C was pressed once with runs in flight. */
  private quitArmed = false;
  private readonly threads: ThreadPicker; // /threads's last list, for /thread <n>
  /** The recent thread ids, once read: the status bar shows the part of the thread's id that tells it apart. */
  private readonly known = (ids: string[]): void => this.update({ knownThreads: ids });

  constructor(private readonly options: ControllerOptions) {
    this.session = options.session;
    this.transcript = new Transcript(options.theme, options.columns);
    this.history = new HistoryWalker(options.history);
    this.state = firstSnapshot(this.session, options, this.transcript.messages(this.session.initialMessages));
    this.detach = this.session.subscribe((event) => this.onEvent(event));
    this.opened(this.session);
    this.threads = new ThreadPicker(options.recentThreads);
    this.threads.watch(this.known);
  }

  /** What a thread had going when it was opened: runs already on their way, an open question. */
  private opened(session: Session): void {
    const found = session.getSnapshot().filter((m) => m.found).length;
    if (found) this.say(`${found} message(s) already on this thread when it opened: followed here like yours`);
    this.showQuestion(session.getQuestion());
  }

  readonly subscribe = (listener: () => void): (() => void) => this.listeners.add(listener);

  readonly getSnapshot = (): ChatSnapshot => this.state;

  /** Resolves when the commands started so far (cancels, thread switches) have finished. */
  settled = (): Promise<void> => this.work.settled();
  setColumns = (columns: number): void => void (this.transcript.columns = columns);

  /** The current thread's messages not finished yet (in flight, or held back), or of unknown fate. */
  unfinished = (): OutgoingMessage[] => unsettled(this.session.getSnapshot());

  /** The deployment went away for good: say why, and every message in flight becomes unknown. */
  lost = (why: string, detail: string): void => (this.say(why, "warning"), this.session.abandon(detail));

  dispose = (): void => (this.detach(), this.listeners.stop());

  /** One key press (or a burst of typed or pasted text), as Ink's useInput reports it. */
  key(text: string, key: Partial<Key>): void {
    // Several keys in one read (fast typing, SSH, a paste) are taken one by one.
    for (const press of this.keys.split(text, key)) this.press(press.text, press.key);
  }

  private press(text: string, key: Partial<Key>): void {
    const input = this.state.input;
    if (key.ctrl && text === "c") return input.value !== "" ? this.setInput(EMPTY) : this.leave(true);
    if (key.tab) return this.setStrategy(nextStrategy(this.state.strategy));
    if (key.escape) return this.run({ kind: "cancel", scope: "running" });
    if (key.ctrl && text === "r") return void this.pullBack();
    if (key.meta && key.upArrow) return this.run({ kind: "withdraw", how: "unsend" });
    if (key.upArrow || key.downArrow) {
      // Within a message of several lines first, then the input history.
      const within = lineMove(input, key.upArrow ? -1 : 1);
      const shown = within ? undefined : this.history.move(key.upArrow ? -1 : 1, input.value);
      return this.setInput(within ?? (shown === undefined ? input : setValue(shown)));
    }
    if (key.return) return this.enter(key.meta === true);
    this.setInput(edit(input, text, key)); // "\n" (Ctrl+J, or a pasted line break) is a new line
  }

  /** Carries out a command typed in the input line (or bound to a key), when its entry allows it now. */
  run(given: Command): void {
    const command = this.recall.armedFor(given);
    if ("refused" in command) return this.refuse(command.refused);
    const when = availabilityOf(command);
    // A message refused for dropping the question goes when the same text comes again.
    const text = "text" in command ? command.text : "";
    const now = verdict(when, {
      question: this.state.question !== undefined,
      thread: true, // a session always has its thread (chat opens one before the UI starts)
      confirmed: text === this.confirmSend || this.recall.forking(), // a fork undoes the question anyway
    });
    if (now === "answer") return this.run({ kind: "answer", text });
    if (now !== "go") {
      if (now.asked) this.confirmSend = text;
      return this.refuse(now.refused);
    }
    if (when.question === "asks") this.confirmSend = undefined;
    dispatch(this.handlers, command, when);
  }

  /** What each kind of command does: a new command is an entry in command-registry.ts and a line here. */
  private readonly handlers: CommandHandlers = {
    send: (c, when) =>
      this.send(c.text, c.strategy ?? this.recall.strategyFor(c.text) ?? this.state.strategy, when.held === "goes"),
    answer: (c) => this.answer(c),
    continue: (c) => this.answer(c),
    hold: (c) => this.setHold(c.on ?? !this.state.hold),
    strategy: (c) => this.setStrategy(c.strategy),
    cancel: (c) => this.work.track(cancelInto(this.line, c.scope)),
    new: () => this.work.track(this.switcher.to()),
    threads: () => this.work.track(this.threads.listInto(this.state.threadId, this.known, this.line.say)),
    thread: (c) => {
      const picked = "pick" in c ? this.threads.pick(c.pick) : { id: c.threadId };
      return "problem" in picked ? this.refuse(picked.problem) : this.work.track(this.switcher.to(picked.id));
    },
    retry: () => this.pullBack(),
    withdraw: (c) => this.work.track(takeBackInto(this.line, c.how, c.index)),
    rewind: (c) =>
      c.index === undefined ? this.line.tell(this.recall.callOff()) : this.work.track(rewindInto(this.line, c.index)),
    export: (c) => this.work.track(exportInto(this.options.exportThread, this.session.threadId, c, this.line.say)),
    dismiss: () => this.dismiss(),
    help: () => this.say(helpText(this.transcript.columns)),
    quit: () => this.leave(),
    hint: (c) => this.say(c.text, "warning"),
  };

  /** Puts a thread just opened in view in place of the one before (see thread-switch.ts). */
  private view(next: Session, from: Session, threadId: string | undefined): void {
    this.detach();
    from.close();
    this.session = next;
    this.detach = next.subscribe((event) => this.onEvent(event));
    next.setHold(this.state.hold);
    this.recall.clear();
    this.update(threadPatch(next));
    const runs = next.assistantId !== from.assistantId ? ` (its assistant: ${next.assistantId})` : "";
    this.say(`${threadId ? "switched to" : "new"} thread ${next.threadId}${runs}`);
    this.add(...this.transcript.messages(next.initialMessages));
    this.opened(next);
  }

  private enter(meta: boolean): void {
    const state = this.state.input;
    const withNewline = newlineInstead(state, { meta });
    if (withNewline) return this.setInput(withNewline);
    const command = parseInput(state.value);
    // Enter on an empty line goes on from a breakpoint.
    if (!command) return this.state.question?.interrupts.length === 0 ? this.run({ kind: "continue" }) : this.setInput(EMPTY);
    this.submitted = state.value;
    if (this.state.notice) this.update({ notice: undefined }); // a passing word passes with the next command
    // A hint leaves the line as typed, to be mended.
    if (command.kind !== "hint") {
      this.history.add(state.value);
      this.setInput(EMPTY);
    }
    this.run(command);
  }

  private answer(command: Parameters<typeof answerAction>[1]): void {
    const action = answerAction(this.state.question, command, this.state.decisions);
    if ("problem" in action) return this.refuse(action.problem);
    if ("prefill" in action) return this.setInput(setValue(action.prefill));
    if ("decided" in action) {
      this.update({ decisions: action.decided });
      return this.say(`${action.decided.at(-1) ?? ""}: kept; now ${action.next}`);
    }
    try {
      this.session.answer(action.answer, this.state.strategy, { interruptId: action.interruptId, text: action.text });
    } catch (err) {
      this.say(errorMessage(err), "warning");
    }
  }

  private setHold(on: boolean): void {
    this.session.setHold(on);
    this.update({ hold: on });
    this.line.tell(on ? "hold on: new messages wait in chat while a run may still ask" : "hold off: new messages go at once");
  }

  /** `now`: it goes even when hold would keep it back (its entry says so: /send, /<strategy>). */
  private send(text: string, strategy: Strategy, now: boolean): void {
    // Resending what was pulled back? The engine checks whether the first try got through; text this graph cannot take stays typed.
    const { retryOf, fork } = this.recall.sent(text);
    try {
      this.session.send(text, strategy, { retryOf, now, fork: fork?.checkpoint });
      if (fork) this.update(forkedPatch(this.state, fork.index, this.transcript));
    } catch (err) {
      this.refuse(errorMessage(err));
    }
  }

  /** Takes the last rejected or failed message out of the queue and into the input. */
  private pullBack(): void {
    const last = this.recall.pull(this.state.messages, this.state.dismissed);
    if (!last) return this.line.tell("nothing to pull back: every message ran to its end");
    this.update({ dismissed: new Set([...this.state.dismissed, last.index]), input: setValue(last.text) });
  }

  private setStrategy(strategy: Strategy): void {
    this.update({ strategy });
    this.line.tell(`strategy ${strategy}: ${STRATEGY_HELP[strategy]}`);
  }

  /** /dismiss: rows kept only to be seen leave the queue; a passing word says how many. */
  private dismiss(): void {
    const rows = this.state.messages.filter((m) => isDismissable(m.status) && !this.state.dismissed.has(m.index));
    this.update({ dismissed: new Set([...this.state.dismissed, ...rows.map((m) => m.index)]) });
    this.line.tell(rows.length ? `dismissed ${rows.length} row(s)` : "nothing to dismiss");
  }

  /** Ctrl+C (`confirm`) with runs in flight asks once before leaving; /quit does not. */
  private leave(confirm = false): void {
    const unfinished = this.unfinished().length;
    if (confirm && unfinished > 0 && !this.quitArmed) {
      this.quitArmed = true;
      return this.say(`${unfinished} message(s) still in flight: Ctrl+C again to quit`, "warning");
    }
    this.update({ exit: { threadId: this.session.threadId, unfinished } });
  }

  private onEvent(event: SessionEvent): void {
    const { patch, question } = eventPatch(this.state, event, this.session.getSnapshot(), this.transcript);
    this.update(patch, event.type === "stream");
    if (question) this.showQuestion(question.open);
  }

  /** The question in the transcript, and answer mode on (or off when none is open). */
  private showQuestion(question: Question | undefined): void {
    this.confirmSend = undefined;
    this.update({ question, decisions: [] });
    if (question) this.add(this.transcript.question(question));
  }

  private add(...items: TranscriptItem[]): void {
    this.update({ items: [...this.state.items, ...items] });
  }

  /** Not done: the line as typed comes back to be mended, and a warning says why. */
  private refuse(why: string): void {
    this.setInput(setValue(this.submitted));
    this.say(why, "warning");
  }

  private say(text: string, tone: TranscriptItem["tone"] = "notice"): void {
    this.add(this.transcript.note(text, tone));
  }

  private setInput(input: EditState): void {
    if (input !== this.state.input) this.update({ input });
  }

  /** A streaming answer's tokens are told `later` (see listeners.ts); everything else at once. */
  private update(patch: Partial<ChatSnapshot>, later = false): void {
    this.state = { ...this.state, ...patch };
    return later ? this.listeners.later() : this.listeners.now();
  }
}
