// What happened in a lane, in one sentence built from what was observed, and whether that is
// what the documented multitask semantics say should happen. Pure.
import type { LaneResult } from "./lane.js";

const when = (lane: LaneResult) =>
  lane.firstWhenSecondSent === "running"
    ? lane.toolCallBeforeSecond
      ? "after its tool call"
      : "while it was running"
    : lane.firstWhenSecondSent === "pending"
      ? "before it started"
      : "after it had finished";

const count = (n: number) => `${n} message${n === 1 ? "" : "s"}`;

export function explain(lane: LaneResult): string {
  const [first, second] = lane.statuses;
  const [leftFirst, leftSecond] = lane.leftBy;
  const secondPart =
    second === "success" ? `the second run completed (${count(leftSecond)})` : `the second run ended ${lane.labels[1]}`;
  switch (first) {
    case "interrupted": {
      const kept =
        leftFirst > 0 ? `its partial messages stay in the thread (${count(leftFirst)})` : "it left nothing in the thread";
      const how = lane.details[0]?.startsWith("rollback requested") ? "stopped (not deleted)" : "interrupted";
      const was = lane.labels[0] === "never ran" ? "never ran: it was" : "was";
      return `The first run ${was} ${how} ${when(lane)}; ${kept}; ${secondPart}.`;
    }
    case "rolled_back":
      return `The first run was deleted ${when(lane)} and left ${leftFirst ? count(leftFirst) : "nothing"} in the thread; ${secondPart}.`;
    case "success":
      if (second === "rejected") {
        return `The second message was rejected${lane.httpStatus ? ` (HTTP ${lane.httpStatus})` : ""} while the first run was in flight; the first run finished normally (${count(leftFirst)}).`;
      }
      return `The first run finished (${count(leftFirst)}); ${second === "success" ? "the second waited its turn and then completed" : secondPart} (${count(leftSecond)}); both exchanges are in the thread, in order.`;
    default:
      return `The first run ended ${lane.labels[0]}${lane.details[0] ? ` (${lane.details[0]})` : ""}; ${secondPart}.`;
  }
}

/** Where the server did not do what the documented semantics describe; undefined when it did. */
export function deviation(lane: LaneResult): string | undefined {
  const [first, second] = lane.statuses;
  const inFlight = lane.firstWhenSecondSent === "pending" || lane.firstWhenSecondSent === "running";
  if (!inFlight) return "the first run had already finished when the second message was sent, so nothing was double-texted";
  switch (lane.strategy) {
    case "reject":
      return second === "rejected" ? undefined : "documented: the second message is rejected; here it was accepted";
    case "interrupt":
      return first === "interrupted" ? undefined : `documented: the first run is interrupted; here it ended ${lane.labels[0]}`;
    case "rollback":
      if (first === "rolled_back") return undefined;
      return first === "interrupted"
        ? `documented: the first run is deleted; this server stopped it (run status ${lane.serverStatuses[0] ?? "unknown"}) and kept its output`
        : `documented: the first run is deleted; here it ended ${lane.labels[0]}`;
    case "enqueue":
      return first === "success" && second === "success" ? undefined : "documented: both runs complete, one after the other";
  }
}
