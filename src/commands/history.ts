// `chat history --thread <id>`: a thread's runs on its current branch, oldest first, each with the
// checkpoint before it, which `chat --thread <id> --fork <checkpoint>` forks from.
import { EXIT, type ExitCode } from "../exit-codes.js";
import { connect, probe } from "../deployment/connect.js";
import { forkPoints } from "../engine/fork-points.js";
import { neutralise, oneLine, safeJson } from "../sanitize.js";
import { resolveThreadId } from "../deployment/recent-threads.js";
import { resolveDeployment, type TargetFlags } from "./target.js";

export async function historyCommand(
  flags: TargetFlags & { thread: string; json?: boolean },
  out: (text: string) => void,
): Promise<ExitCode> {
  const target = resolveDeployment(flags);
  const connection = await connect({ ...target, reuseRunning: true });
  try {
    await probe(connection.client, connection.label);
    const thread = await resolveThreadId(connection.client, flags.thread, connection.label); // a start or end of one, too
    const points = await forkPoints(connection.client, thread);
    if (flags.json) {
      const rows = points.map((p, i) => ({
        run: i + 1,
        run_id: p.runId,
        fork_from: p.checkpointId,
        step: p.step,
        text: p.text ?? null,
      }));
      out(`${safeJson(rows)}\n`);
      return EXIT.ok;
    }
    if (points.length === 0) {
      out(`no runs on thread ${neutralise(thread)}\n`);
      return EXIT.ok;
    }
    // Every cell comes from the server: neutralised.
    const lines = points.map((p, i) => {
      const from = p.checkpointId ?? "(the start: use a new thread)";
      const text = p.text === undefined ? "(no new message: an answer or a continue)" : oneLine(JSON.stringify(p.text), 60);
      return `${String(i + 1).padStart(3)}  ${neutralise(from).padEnd(36)}  step ${String(p.step).padEnd(4)} ${neutralise(text)}`;
    });
    out(`RUN  FORK FROM (the checkpoint before it)         STEP      STARTED BY\n${lines.join("\n")}\n`);
    return EXIT.ok;
  } finally {
    await connection.close();
  }
}
