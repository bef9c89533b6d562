// Node's fetch loads its HTTP client on first use and compiles its response parser (WebAssembly)
// on its first real connection: ~80 ms that would otherwise fall on the first request to a local
// deployment just started. One request to a throwaway server on loopback, made while the
// deployment starts, moves that cost off the path to the first answer.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** Never fails: a warm-up that cannot run only leaves the first request slower. */
export async function warmUpFetch(): Promise<void> {
  const server = createServer((_, response) => response.end());
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", resolve);
    });
    // Never the reason chat stays alive.
    server.unref();
    const { port } = server.address() as AddressInfo;
    await (await fetch(`http://127.0.0.1:${port}/`)).arrayBuffer();
  } catch {
    // nothing lost
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
