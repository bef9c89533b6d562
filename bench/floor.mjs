// The floor for client overhead: the SDK used directly, nothing else. Creates N runs on one
// thread with enqueue, then joins each in order and reads the thread state after each.
import { Client } from "@langchain/langgraph-sdk";

// Cities the demo agent knows (it looks up no other): each numbered question names one.
const CITIES = ["sf", "nyc", "la", "paris", "tokyo", "rome", "oslo", "lima"];
const [url, count] = [process.argv[2], Number(process.argv[3] ?? 20)];
const client = new Client({ apiUrl: url, apiKey: process.env.LANGGRAPH_API_KEY ?? null });
const thread = await client.threads.create();
const runs = [];
for (let i = 0; i < count; i++) {
  runs.push(
    await client.runs.create(thread.thread_id, "agent", {
      input: { messages: [{ type: "human", content: `what's the weather in ${CITIES[i % CITIES.length]}? (${i})` }] },
      multitaskStrategy: "enqueue",
    }),
  );
}
for (const run of runs) {
  await client.runs.join(thread.thread_id, run.run_id);
  await client.threads.getState(thread.thread_id);
}
process.exit(0);
