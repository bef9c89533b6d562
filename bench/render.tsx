// Render cost of the Ink UI: keystroke-to-frame time and CPU per keystroke with N messages
// already in the transcript. In-process, into a fake terminal, with Ink's normal (non-debug) output.
import { EventEmitter } from "node:events";
import { render } from "ink";
import { App } from "../src/interactive/App.js";
import type { MessageDict } from "../src/engine/message.js";
import type { SessionEvent } from "../src/engine/types.js";
import { fakeController, fakeDeployment } from "../test/helpers/fake-client.js";
import { now, percentile } from "./stats.js";

class Terminal extends EventEmitter {
  columns = 100;
  rows = 40;
  isTTY = true;
  onWrite: (() => void) | undefined;
  write = (_data: string) => {
    this.onWrite?.();
    return true;
  };
}

class Keyboard extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  press(data: string) {
    this.data = data;
    this.emit("readable");
    this.emit("data", data);
  }
  read = () => {
    const data = this.data;
    this.data = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

function transcript(n: number): MessageDict[] {
  return Array.from({ length: n }, (_, i) =>
    i % 2 === 0
      ? { type: "human", id: `h${i}`, content: `what's the weather in place number ${i}?` }
      : {
          type: "ai",
          id: `a${i}`,
          content: `It's ${40 + (i % 50)}°F and sunny in place number ${i - 1} right now, with a light wind.`,
        },
  );
}

export interface RenderResult {
  p50: number;
  p99: number;
  cpuMicrosPerKey: number;
}

/**
 * Every 20 ms, a word streaming into the live area: the graph's own answer, or a deep agent's
 * subagent's under the parent's `task` call (the shapes deepagents streams with subgraphs).
 */
function streamWords(session: unknown, who: "graph" | "subagent"): () => void {
  const emit = (event: SessionEvent) => (session as { emit(e: SessionEvent): void }).emit(event);
  const task = {
    type: "ai",
    id: "lead",
    content: "",
    tool_call_chunks: [{ index: 0, name: "task", args: '{"subagent_type":"researcher"}' }],
  };
  emit({ type: "stream", index: 0, event: "messages", data: [task, {}] });
  let n = 0;
  const timer = setInterval(() => {
    const chunk = { type: "ai", id: "sub", content: `word${n++} ` };
    emit({
      type: "stream",
      index: 0,
      event: "messages",
      data: [chunk, { lc_agent_name: "researcher" }],
      ...(who === "subagent" ? { namespace: ["tools:1"] } : {}),
    });
  }, 20);
  return () => clearInterval(timer);
}

/** `streaming`: who streams into the live area the whole time keys are typed (none by default). */
export async function renderCost(messages: number, keys: number, streaming?: "graph" | "subagent"): Promise<RenderResult> {
  const fake = fakeDeployment();
  fake.thread.push(...transcript(messages));
  const { controller, session } = await fakeController(fake, "bench-thread");
  const stopStreaming = streaming ? streamWords(session, streaming) : () => {};
  const stdout = new Terminal();
  const stdin = new Keyboard();
  const app = render(<App controller={controller} deployment="local" />, {
    stdout: stdout as never,
    stdin: stdin as never,
    stderr: stdout as never,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  await new Promise((r) => setTimeout(r, 300)); // first frame with the whole transcript
  const times: number[] = [];
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < keys; i++) {
    const key = i % 20 === 19 ? "\x15" : String.fromCharCode(97 + (i % 26)); // Ctrl+U now and then
    const frame = new Promise<number>((resolve) => {
      stdout.onWrite = () => resolve(now());
    });
    const start = now();
    stdin.press(key);
    times.push((await frame) - start);
    stdout.onWrite = undefined;
    await new Promise((r) => setTimeout(r, 40)); // a fast typist, and past Ink's frame throttle
  }
  const cpu = process.cpuUsage(cpuStart);
  stopStreaming();
  app.unmount();
  return { p50: percentile(times, 50), p99: percentile(times, 99), cpuMicrosPerKey: (cpu.user + cpu.system) / keys };
}
