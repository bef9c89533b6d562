// The items the transcript prints, each once and in order: the thread's messages as pretty_print
// shows them, notices and warnings, and the agent's questions. Pure apart from the key counter.
import type { MessageDict } from "../engine/message.js";
import type { Question } from "../engine/interrupts.js";
import { prettyRepr, type Theme } from "../pretty-print/pretty.js";
import { prettyValues } from "../pretty-print/values.js";
import { describeQuestion } from "../human-in-the-loop/describe.js";
import { howToAnswer } from "./answering.js";
import { neutralise, oneLine } from "../sanitize.js";
import type { OutgoingMessage } from "../engine/types.js";
import { outcomeWords } from "../faces/status-looks.js";

export interface TranscriptItem {
  readonly key: string;
  readonly text: string;
  readonly tone?: "notice" | "warning" | "question";
}

export class Transcript {
  private nextKey = 0;
  /** The terminal's width: rules are drawn at most 80 wide, as pretty_print does. */
  columns: number;

  constructor(
    private readonly theme: (width: number) => Theme,
    columns = 80,
  ) {
    this.columns = columns;
  }

  messages(list: readonly MessageDict[]): TranscriptItem[] {
    const theme = this.theme(this.width());
    return list.map((m) => ({ key: `m${this.nextKey++}`, text: prettyRepr(m, theme) }));
  }

  /** The state a run left, for a graph without messages. */
  values(values: Readonly<Record<string, unknown>>): TranscriptItem {
    return { key: `m${this.nextKey++}`, text: prettyValues(values, this.theme(this.width())).trimEnd() };
  }

  note(text: string, tone: TranscriptItem["tone"] = "notice"): TranscriptItem {
    return { key: `n${this.nextKey++}`, text: neutralise(text), tone };
  }

  /** The question in full, and how to answer it here. */
  question(question: Question): TranscriptItem {
    const text = `${describeQuestion(question, this.width(), "/hold")}\n${howToAnswer(question)}`;
    return { key: `q${this.nextKey++}`, text, tone: "question" };
  }

  /**
   * Where a run was cut short by a strategy or a cancel: what was lost, and by which message, in
   * the words the queue and stderr use ("#5 interrupted by #6 (interrupt)", "#3 cancelled");
   * `unsaved`: text it streamed here that the server did not keep, which is gone with the live view.
   */
  stopped(message: OutgoingMessage, unsaved = false): TranscriptItem {
    const what =
      message.status === "rolled_back" ? `#${message.index + 1} ${JSON.stringify(message.text)}` : `#${message.index + 1}`;
    const lost = unsaved ? "; its partial answer was not saved by the server" : "";
    return this.note(`${oneLine(`${what} ${outcomeWords(message)}`, 300)}${lost} (Ctrl+R to bring it back)`, "warning");
  }

  /** A refused or failed message, with the reason in full. */
  refused(message: OutgoingMessage): TranscriptItem {
    const http = message.httpStatus ? ` (HTTP ${message.httpStatus})` : "";
    return this.note(
      `#${message.index + 1} ${message.status}${http}: ${message.detail ?? ""} (Ctrl+R to bring it back)`,
      "warning",
    );
  }

  /** Said when a new message ran on a waiting thread and the server dropped its question. */
  dropped(question: Question, byIndex: number): TranscriptItem {
    const whose = question.index === undefined ? "The thread's" : `#${question.index + 1}'s`;
    return this.note(`${whose} question was dropped: #${byIndex + 1} ran as a new message`, "warning");
  }

  private width(): number {
    return Math.min(80, this.columns);
  }
}
