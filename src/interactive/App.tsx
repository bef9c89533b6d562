// The interactive face: a thin view over the ChatController. Transcript (static), live run,
// queue, input and status bar; keys go straight to the controller.
import { useEffect, useSyncExternalStore } from "react";
import { Box, Static, Text, useApp, useInput } from "ink";
import { inQueue, queueMoving } from "../engine/status.js";
import type { ChatController } from "./controller.js";
import { useNow } from "./hooks/useNow.js";
import { useColumns } from "./hooks/useColumns.js";
import { Input } from "./components/Input.js";
import { LiveRun } from "./components/LiveRun.js";
import { Queue } from "./components/Queue.js";
import { StatusBar } from "./components/StatusBar.js";

const TONE: Record<string, string | undefined> = { warning: "yellow", question: "cyan" };

export interface AppProps {
  controller: ChatController;
  deployment: string;
  assistant: string;
}

export function App({ controller, deployment, assistant }: AppProps) {
  const { exit } = useApp();
  const columns = useColumns();
  const state = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const now = useNow((at) => queueMoving(state.messages, at));
  useEffect(() => controller.setColumns(columns), [controller, columns]);
  useEffect(() => {
    if (state.exit) exit();
  }, [state.exit, exit]);
  useInput((text, key) => controller.key(text, key));

  const queue = state.messages.filter((m) => inQueue(m, now, state.dismissed));
  return (
    <>
      <Static items={state.items}>
        {(item) => (
          <Text key={item.key} dimColor={item.tone === "notice"} color={TONE[item.tone ?? "plain"]}>
            {item.text}
          </Text>
        )}
      </Static>
      <Box flexDirection="column">
        <LiveRun live={state.live} columns={columns} />
        <Queue messages={queue} now={now} columns={columns} />
        <Input state={state.input} strategy={state.strategy} question={state.question} />
        <StatusBar
          deployment={deployment}
          assistant={assistant}
          threadId={state.threadId}
          strategy={state.strategy}
          connection={state.connection}
          waiting={state.question !== undefined}
          hold={state.hold}
        />
      </Box>
    </>
  );
}
