// `chat threads` and `chat assistants`: what a deployment holds, as a table or as JSON.
import { EXIT, type ExitCode } from "../exit-codes.js";
import { connect, probe } from "../deployment/connect.js";
import { listOf, recentThreads, resolveThreadId } from "../deployment/recent-threads.js";
import { UsageError } from "../errors.js";
import { clip, neutralise, safeJson } from "../sanitize.js";
import { resolveDeployment, type TargetFlags } from "./target.js";

type Out = (text: string) => void;

/** Aligned columns; every cell comes from the server, so every cell is neutralised. */
function table(rows: string[][]): string {
  const safe = rows.map((r) => r.map((cell) => neutralise(cell).replace(/\s+/g, " ")));
  const widths = safe[0]?.map((_, i) => Math.max(...safe.map((r) => (r[i] ?? "").length))) ?? [];
  return (
    safe.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join("  ")).join("\n") + "\n"
  );
}

export interface ListFlags extends TargetFlags {
  limit: number;
  json?: boolean;
}

/** `id`: only the thread whose id (or its start or end) this is (`chat threads <id>`). */
export async function listCommand(what: "threads" | "assistants", flags: ListFlags, out: Out, id?: string): Promise<ExitCode> {
  const target = resolveDeployment(flags);
  // A chat already running the built-in deployment is asked, with its key, not refused at its lock.
  const connection = await connect({ ...target, reuseRunning: true });
  try {
    const { client, label } = connection;
    await probe(client, label);
    if (what === "assistants") {
      const found = listOf(await client.assistants.search({ limit: flags.limit }), label, "assistants");
      const rows = found.map((a) => ({ assistant_id: a.assistant_id, graph_id: a.graph_id, name: a.name }));
      if (flags.json) out(`${safeJson(rows)}\n`);
      else out(table([["ID", "GRAPH", "NAME"], ...rows.map((r) => [r.assistant_id, r.graph_id, r.name ?? ""])]));
      return EXIT.ok;
    }
    const only = id === undefined ? undefined : await resolveThreadId(client, id, label);
    const rows = await recentThreads(client, label, only ? 1 : flags.limit, only);
    if (only && rows.length === 0) throw new UsageError(`unknown thread ${only} on ${clip(label, 100)}`);
    if (flags.json) out(`${safeJson(rows)}\n`);
    else if (rows.length === 0) out(`no threads on ${label}\n`);
    else
      out(
        table([
          ["ID", "STATUS", "UPDATED", "LAST MESSAGE"],
          ...rows.map((r) => [r.thread_id, r.status, r.updated_at, r.last_message ?? ""]),
        ]),
      );
    return EXIT.ok;
  } finally {
    await connection.close();
  }
}
