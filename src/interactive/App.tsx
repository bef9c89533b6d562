// The interactive face: a thin view over the ChatController. Transcript (static), live run,
// queue, input and status bar; keys go straight to the controller.
import { useEffect, useSyncExternalStore } from "react";
import { Box, useApp } from "ink";
import { inQueue, queueMoving } from "./queue-rules.js";
import type { ChatController } from "./controller.js";
import { useKeys } from "./hooks/useKeys.js";
import { useNow } from "./hooks/useNow.js";
import { useRedrawOnResize, useWindowSize } from "./hooks/useWindowSize.js";
import { Input, inputRows } from "./components/Input.js";
import { promptOf } from "./prompt-look.js";
import { LiveRun } from "./components/LiveRun.js";
import { NoticeLine } from "./components/NoticeLine.js";
import { Queue, rowHeight } from "./components/Queue.js";
import { TranscriptView } from "./components/TranscriptView.js";
import { StatusBar } from "./components/StatusBar.js";
import { statusParts, type StatusBarProps } from "./status-parts.js";
import { liveLines } from "./live.js";
import { reviewStep } from "./answering.js";
import { flowHeight, shareWindow } from "./layout.js";
import { tokenTotal } from "./tokens.js";

export interface AppProps {
  controller: ChatController;
  deployment: string;
  /** What every run is sent with besides its input (config, context), shown in the status bar. */
  runSettings?: string;
}

export function App({ controller, deployment, runSettings }: AppProps) {
  const { exit } = useApp();
  const { columns, rows } = useWindowSize();
  const generation = useRedrawOnResize(columns);
  const state = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const now = useNow((at) => queueMoving(state.messages, at));
  useEffect(() => controller.setColumns(columns), [controller, columns]);
  useEffect(() => {
    if (state.exit) exit();
  }, [state.exit, exit]);
  useKeys((text, key) => controller.key(text, key));

  const queue = state.messages.filter((m) => inQueue(m, now, state.dismissed));
  const bar: StatusBarProps = {
    deployment,
    assistant: state.assistant,
    threadId: state.threadId,
    knownThreads: state.knownThreads,
    strategy: state.strategy,
    connection: state.connection,
    waiting: state.question !== undefined,
    hold: state.hold,
    runSettings,
    tokens: tokenTotal(state.tokens)?.total_tokens,
  };
  // The live region must never fill the window (Ink would redraw everything): share what is left.
  const lines = liveLines(state.live, Math.max(1, columns - 4));
  const barHeight = flowHeight(
    statusParts(bar).map((p) => p.text),
    columns,
  );
  // A long input (a big paste) shows the rows around its cursor: it too must leave the window a line.
  const inputMax = Math.max(1, rows - 2 - barHeight);
  const inputHeight = Math.min(inputMax, inputRows(state.input, Math.max(1, columns - promptOf(state.question).length)).length);
  const fixed = barHeight + inputHeight + (state.notice ? 1 : 0);
  const budget = shareWindow(
    rows,
    fixed,
    queue.reduce((n, m) => n + rowHeight(m), 0),
    lines.length ? lines.length + 3 : 0,
  );
  return (
    <>
      <TranscriptView key={generation} items={state.items} />
      <Box flexDirection="column">
        <LiveRun index={state.live.index} lines={lines} maxLines={budget.live} />
        <Queue messages={queue} now={now} columns={columns} maxLines={budget.queue} />
        <NoticeLine notice={state.notice} />
        <Input
          state={state.input}
          strategy={state.strategy}
          question={state.question}
          step={reviewStep(state.question, state.decisions)}
          columns={columns}
          maxRows={inputMax}
        />
        <StatusBar {...bar} />
      </Box>
    </>
  );
}
