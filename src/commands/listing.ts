// `chat threads` and `chat assistants`: what a deployment holds, as a table or as JSON.
import { EXIT, type ExitCode } from "../exit-codes.js";
import { ConnectionError } from "../errors.js";
import { connect, probe } from "../deployment/connect.js";
import { messagesOf } from "../engine/message.js";
import { neutralise, oneLine, safeJson } from "../sanitize.js";
import { pyStr } from "../pretty-print/python-repr.js";
import { resolveTarget, type TargetFlags } from "./target.js";

type Out = (text: string) => void;

/** Aligned columns; every cell comes from the server, so every cell is neutralised. */
function table(rows: string[][]): string {
  const safe = rows.map((r) => r.map((cell) => neutralise(cell).replace(/\s+/g, " ")));
  const widths = safe[0]?.map((_, i) => Math.max(...safe.map((r) => (r[i] ?? "").length))) ?? [];
  return (
    safe.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join("  ")).join("\n") + "\n"
  );
}

/** A search's answer, which must be a list: anything else is the server's fault, said in one line. */
function listOf<T>(answer: T[], label: string, what: string): T[] {
  const given: unknown = answer;
  if (Array.isArray(given)) return answer;
  throw new ConnectionError(
    `${label} answered the ${what} search with ${given === null ? "null" : typeof given === "object" ? "an object" : typeof given}, not a list`,
  );
}

export async function listCommand(
  what: "threads" | "assistants",
  flags: TargetFlags & { limit: number; json?: boolean },
  out: Out,
): Promise<ExitCode> {
  const target = resolveTarget(flags);
  // A chat already running the built-in deployment is asked, with its key, not refused at its lock.
  const connection = await connect({ ...target, reuseRunning: true });
  try {
    await probe(connection.client, connection.label);
    if (what === "assistants") {
      const found = listOf(await connection.client.assistants.search({ limit: flags.limit }), connection.label, "assistants");
      const rows = found.map((a) => ({ assistant_id: a.assistant_id, graph_id: a.graph_id, name: a.name }));
      if (flags.json) out(`${safeJson(rows)}\n`);
      else out(table([["ID", "GRAPH", "NAME"], ...rows.map((r) => [r.assistant_id, r.graph_id, r.name ?? ""])]));
      return EXIT.ok;
    }
    const found = listOf(
      await connection.client.threads.search({ limit: flags.limit, sortBy: "updated_at", sortOrder: "desc" }),
      connection.label,
      "threads",
    );
    const rows = found.map((t) => {
      const last = messagesOf(t.values).at(-1);
      return {
        thread_id: t.thread_id,
        status: t.status,
        updated_at: t.updated_at,
        last_message: last ? oneLine(pyStr(last.content ?? ""), 48) : null,
      };
    });
    if (flags.json) out(`${safeJson(rows)}\n`);
    else if (rows.length === 0) out(`no threads on ${connection.label}\n`);
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
