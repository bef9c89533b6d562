// The real terminal UI: bin/chat.js in a pseudo-terminal against its local deployment, typed
// into like a person would, asserted from the emulated screen.
import { expect, it } from "vitest";
import { e2eSetup } from "../helpers/e2e.js";
import { loadPty } from "../helpers/pty.js";
import { serverPidsUnder } from "../helpers/processes.js";

const pty = await loadPty();
const e2e = e2eSetup();

// node-pty is an optional (native) dependency; without it there is no terminal to drive.
it.skipIf(!pty)("double-texting in the terminal UI: enqueue, reject via Tab, /interrupt, then quit", async () => {
  if (!pty) return;
  const s = e2e.terminal(pty, { CHAT_DEMO_LATENCY_MS: "300" });
  await s.waitFor(/strategy enqueue · connected/);

  // Two messages typed quickly with enqueue: both exchanges, in order.
  await s.enter("what's the weather in sf?");
  await s.enter("what's the weather in nyc?");
  await s.waitFor(/#2 (pending|running) enqueue/);
  // Finished runs land in the transcript (not just the live view), in queue order.
  await s.waitFor(
    /Human Message =+\n\nwhat's the weather in sf\?[\s\S]*Ai Message =+\n\nIt's [^\n]*San Francisco[\s\S]*Human Message =+\n\nwhat's the weather in nyc\?[\s\S]*Ai Message =+\n\nIt's [^\n]*New York City/,
  );

  // Tab to reject: the second message while the first runs is refused.
  s.write("\t");
  await s.waitFor(/strategy reject ·/);
  await s.enter("what's the weather in la?");
  await s.waitFor(/#3 running reject/);
  await s.enter("what's the weather in oslo?");
  await s.waitFor(/#4 rejected reject/);
  await s.waitFor(/Ai Message =+\n\nIt's [^\n]*Los Angeles/);

  // /interrupt: the run in flight is stopped and reported as interrupted.
  await s.enter("what's the weather in rome?");
  await s.waitFor(/#5 running reject/);
  await s.enter("/interrupt what's the weather in lima?");
  await s.waitFor(/#5 interrupted reject/);
  await s.waitFor(/Ai Message =+\n\nIt's [^\n]*Lima/);
  expect(s.text()).not.toMatch(/Ai Message =+\n\nIt's [^\n]*Rome/);
  // The transcript says where #5 ended and why; Ctrl+R brings its text back.
  await s.waitFor(/#5 interrupted by #6 \(interrupt\) \(Ctrl\+R to bring it back\)/);
  s.write("\x12");
  await s.waitFor(/› what's the weather in rome\?/);
  s.write("\x15");

  // Ctrl+C on an empty input leaves, says how to resume, and stops the local server.
  s.write("\x03");
  expect(await s.exited).toBe(0);
  expect(s.text()).toMatch(/resume with: npx chat --local --thread [0-9a-f-]{36}/);
  expect(serverPidsUnder(e2e.home)).toEqual([]);
});

it.skipIf(!pty)(
  "one word per outcome: Esc is cancelled and a pending run stopped before it started never ran, in the queue and the transcript alike",
  async () => {
    if (!pty) return;
    const s = e2e.terminal(pty, { CHAT_DEMO_LATENCY_MS: "400" });
    await s.waitFor(/strategy enqueue · connected/);
    await s.enter("weather in sf?");
    await s.enter("weather in nyc?");
    await s.waitFor(/#1 running enqueue/);
    s.write("\x1b");
    await s.waitFor(/■ #1 cancelled enqueue [\d.]+s weather in sf\?\n/);
    await s.waitFor(/#1 cancelled \(Ctrl\+R to bring it back\)/);
    // #4 interrupts both: #2 running (interrupted) and #3, still pending (it never ran).
    await s.waitFor(/#2 running enqueue/);
    await s.enter("weather in la?");
    await s.waitFor(/#3 pending enqueue/);
    await s.enter("/interrupt weather in oslo?");
    await s.waitFor(/■ #3 never ran enqueue [\d.]+s weather in la\?\n {2}interrupted by #4 \(interrupt\)/);
    // (If #2 was interrupted while it streamed its answer, the line says that answer was not saved.)
    await s.waitFor(/#2 interrupted by #4 \(interrupt\)(?:; its partial answer was not saved by the server)? \(Ctrl\+R/);
    await s.waitFor(/#3 never ran: interrupted by #4 \(interrupt\) \(Ctrl\+R to bring it back\)/);
    await s.waitFor(/Ai Message =+\n\nIt's [^\n]*Oslo/);
    expect(s.text()).not.toMatch(/#1 interrupted|#3 interrupted/);
    s.write("/quit\r");
    expect(await s.exited).toBe(0);
  },
);

it.skipIf(!pty)("answering the agent in the terminal UI: the question, answer mode, approve, the booking", async () => {
  if (!pty) return;
  const s = e2e.terminal(pty, { CHAT_DEMO_LATENCY_MS: "200" }, 100, 40, ["--assistant", "approve"]);
  await s.waitFor(/strategy enqueue · connected/);
  await s.enter("table for 2 at 7pm");
  await s.waitFor(/Waiting For You =+\n\n#1 asks:\nReview 1 action before the agent goes on:\n {2}book_table/);
  await s.waitFor(/answer › +your answer · \/help/);
  await s.waitFor(/connected ·\s+waiting for your answer/);
  // The run's tokens in its queue row, and the thread's in the status bar.
  await s.waitFor(/\? #1 waiting for input enqueue [\d.]+s (\d+) tok table for 2/);
  await s.waitFor(/strategy enqueue · \d+ tokens · connected/);

  await s.enter("approve");
  await s.waitFor(/Ai Message =+\nName: model\n\nDone: table for 2 at 7pm is booked\./);
  await s.waitFor(/› +message \(enqueue\)/);
  expect(s.text()).not.toMatch(/connected ·\s+waiting for your answer/);

  s.write("\x03");
  expect(await s.exited).toBe(0);
  expect(serverPidsUnder(e2e.home)).toEqual([]);
});

it.skipIf(!pty)("keys in one write act one by one, and a bracketed paste keeps its line breaks", async () => {
  if (!pty) return;
  const s = e2e.terminal(pty, { CHAT_DEMO_LATENCY_MS: "200" });
  await s.waitFor(/strategy enqueue · connected/);
  s.write("abc\x15def\t");
  await s.waitFor(/› def/);
  await s.waitFor(/strategy reject · connected/);
  s.write("\x15\x1b[200~first line\rsecond line\x1b[201~");
  await s.waitFor(/› first line\n {2}second line/);
  expect(s.text()).not.toMatch(/#1 /);
  expect(s.raw()).toContain("\x1b[?2004h");
  s.write("\x15/quit\r");
  expect(await s.exited).toBe(0);
  expect(s.raw()).toContain("\x1b[?2004l");
});

it.skipIf(!pty)("quitting with runs in flight on the local deployment cancels them and names each one", async () => {
  if (!pty) return;
  const s = e2e.terminal(pty, { CHAT_DEMO_LATENCY_MS: "1500" });
  await s.waitFor(/strategy enqueue · connected/);
  expect(s.text()).toMatch(/chat: starting the local LangGraph deployment…\nchat: local deployment at http:\/\/127\.0\.0\.1:\d+/);
  await s.enter("weather in sf?");
  await s.enter("and nyc?");
  await s.waitFor(/#2 pending enqueue/);
  s.write("\x03");
  await s.waitFor(/2 message\(s\) still in flight: Ctrl\+C again to quit/);
  s.write("\x03");
  expect(await s.exited).toBe(0);
  expect(s.text()).toMatch(
    /2 message\(s\) cancelled: the local deployment stops with chat:\n {2}#1 "weather in sf\?"\n {2}#2 "and nyc\?"\n\(↑ in the input history brings them back\)/,
  );
  expect(serverPidsUnder(e2e.home)).toEqual([]);
});

it.skipIf(!pty)("SIGTERM ends the UI as /quit does, naming the run it cuts off and keeping what was in the input", async () => {
  if (!pty) return;
  const s = e2e.terminal(pty, { CHAT_DEMO_LATENCY_MS: "1500" });
  await s.waitFor(/strategy enqueue · connected/);
  await s.enter("weather in sf?");
  await s.waitFor(/#1 running enqueue/);
  s.write("and a draft");
  await s.waitFor(/› and a draft/);
  s.signal("SIGTERM");
  expect(await s.exited).toBe(143);
  const text = s.text();
  expect(text).toMatch(/\nthread [0-9a-f-]{36}\nresume with: .* --thread [0-9a-f-]{36}\n/);
  expect(text).toMatch(/1 message\(s\) cancelled: the local deployment stops with chat:\n {2}#1 "weather in sf\?"/);
  expect(text).toMatch(/not sent \(it was in the input; ↑ in the input history brings it back\): "and a draft"/);
  expect(serverPidsUnder(e2e.home)).toEqual([]);
  // The next chat's input history has the draft.
  const next = e2e.terminal(pty, { CHAT_DEMO_LATENCY_MS: "0" });
  await next.waitFor(/connected/);
  await next.typing();
  next.write("\x1b[A");
  await next.waitFor(/› and a draft/);
  next.write("\x01\x0b"); // Ctrl+A, Ctrl+K: the input empty again
  await next.enter("/quit");
  expect(await next.exited).toBe(0);
});

it.skipIf(!pty)(
  "passing words sit on one line above the input, not in the transcript; /help fits a 40-column window",
  async () => {
    if (!pty) return;
    const s = e2e.terminal(pty, { CHAT_DEMO_LATENCY_MS: "0" }, 40, 30);
    await s.waitFor(/connected/);
    s.write("\t");
    await s.waitFor(/· strategy reject: refused/);
    const screen = s.screen();
    const notice = screen.findIndex((l) => l.startsWith("· strategy reject"));
    // Right above the prompt, cut to the window; once, not in the scrollback's transcript.
    expect(screen[notice + 1]).toMatch(/^›/);
    expect(screen[notice]?.length).toBeLessThanOrEqual(40);
    s.write("\t");
    await s.waitFor(/· strategy interrupt: the running/);
    expect(s.text()).not.toMatch(/strategy reject: refused/);
    await s.enter("/help");
    await s.waitFor(/Strategies[\s\S]*enqueue/);
    expect(s.text()).not.toMatch(/· strategy interrupt/); // gone with the next command
    const help = s.text().slice(s.text().indexOf("Keys"));
    for (const line of help.split("\n")) expect(line.length).toBeLessThanOrEqual(40);
    expect(help).toMatch(/^ {6}\S/m); // descriptions under their names, never at column 0
    await s.enter("/quit");
    expect(await s.exited).toBe(0);
  },
);
