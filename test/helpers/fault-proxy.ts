// A TCP proxy on 127.0.0.1 between a client and a server that can cut connections at chosen
// moments and delay traffic: the fault-injection harness for network tests.
import net from "node:net";

type Rule =
  | { kind: "drop-response"; request: RegExp; remaining: number }
  | { kind: "cut-response-after"; request: RegExp; bytes: number; remaining: number }
  | { kind: "deliver-late"; request: RegExp; cutAfterMs: number; deliverAfterMs: number; remaining: number }
  | { kind: "bad-event"; request: RegExp; remaining: number };

interface Pair {
  client: net.Socket;
  upstream: net.Socket;
  /** The rule that applies to the response now flowing back, if any. */
  active?: { rule: Rule; seen: number };
  /** A request held back to be delivered late on its own connection (deliver-late). */
  held?: Buffer[];
}

const REQUEST_LINE = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\S+) HTTP\/1\.[01]\r\n/;

export class FaultProxy {
  private readonly pairs = new Set<Pair>();
  private rules: Rule[] = [];
  private delayMs = 0;
  private refusing = false;
  /** Request lines seen, in order ("POST /threads/…/runs"). */
  readonly requests: string[] = [];
  /** How many connections were cut on purpose. */
  cuts = 0;
  /** How many held requests (deliverLate) the server has answered. */
  lateAnswered = 0;
  /** How many connections were closed at once while refusing: the client's tries to get through. */
  refused = 0;

  private constructor(
    private readonly server: net.Server,
    private targetPort: number,
  ) {}

  static async start(targetPort: number): Promise<FaultProxy> {
    const server = net.createServer();
    const proxy = new FaultProxy(server, targetPort);
    server.on("connection", (client) => proxy.accept(client));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
  }

  /** Send traffic to another server port from now on (e.g. a restarted deployment). */
  setTarget(port: number): void {
    this.targetPort = port;
  }

  /** The next `times` requests matching: forwarded, then the connection is cut before the answer. */
  dropResponseOf(request: RegExp, times = 1): void {
    this.rules.push({ kind: "drop-response", request, remaining: times });
  }

  /** The next `times` responses to matching requests are cut after `bytes` bytes. */
  cutResponseAfter(request: RegExp, bytes: number, times = 1): void {
    this.rules.push({ kind: "cut-response-after", request, bytes, remaining: times });
  }

  /**
   * The next `times` matching requests are held, as a queueing load balancer holds them: the
   * client's connection is cut after `cutAfterMs`, and the request reaches the server only after
   * `deliverAfterMs`, on a connection of its own whose answer goes nowhere.
   */
  deliverLate(request: RegExp, cutAfterMs: number, deliverAfterMs: number, times = 1): void {
    this.rules.push({ kind: "deliver-late", request, cutAfterMs, deliverAfterMs, remaining: times });
  }

  /**
   * The next `times` responses to matching requests (an SSE stream, chunked) get one event whose
   * data is not JSON, right after the headers, as a misbehaving server or proxy might send.
   */
  badEventIn(request: RegExp, times = 1): void {
    this.rules.push({ kind: "bad-event", request, remaining: times });
  }

  /** Forget the cut rules not yet used up. */
  clearRules(): void {
    this.rules = [];
  }

  /** Delay every chunk in both directions. */
  delay(ms: number): void {
    this.delayMs = ms;
  }

  /** While on, the server looks down: open connections are cut, new ones closed at once. */
  refuse(on: boolean): void {
    this.refusing = on;
    if (on) this.cutAll();
  }

  /** Cut every open connection now. */
  cutAll(): void {
    for (const pair of this.pairs) this.cut(pair);
  }

  async stop(): Promise<void> {
    this.cutAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private cut(pair: Pair): void {
    this.cuts += 1;
    pair.client.destroy();
    pair.upstream.destroy();
    this.pairs.delete(pair);
  }

  private later(fn: () => void): void {
    if (this.delayMs > 0) setTimeout(fn, this.delayMs);
    else fn();
  }

  private holdBack(pair: Pair, rule: Extract<Rule, { kind: "deliver-late" }>, first: Buffer): void {
    const held = (pair.held = [first]);
    setTimeout(() => this.cut(pair), rule.cutAfterMs);
    setTimeout(() => {
      const late = net.connect(this.targetPort, "127.0.0.1", () => late.write(Buffer.concat(held)));
      late.once("data", () => (this.lateAnswered += 1)).on("error", () => {});
      setTimeout(() => late.destroy(), 10_000).unref();
    }, rule.deliverAfterMs);
  }

  private accept(client: net.Socket): void {
    if (this.refusing) {
      this.refused += 1;
      client.destroy();
      return;
    }
    const upstream = net.connect(this.targetPort, "127.0.0.1");
    const pair: Pair = { client, upstream };
    this.pairs.add(pair);
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.pairs.delete(pair);
    };
    client.on("error", close).on("close", close);
    upstream.on("error", close).on("close", close);

    client.on("data", (chunk: Buffer) => {
      const line = REQUEST_LINE.exec(chunk.toString("latin1"));
      if (line) {
        const request = `${line[1]} ${line[2]}`;
        this.requests.push(request);
        const rule = this.rules.find((r) => r.remaining > 0 && r.request.test(request));
        if (rule) rule.remaining -= 1;
        pair.active = rule ? { rule, seen: 0 } : undefined;
        if (rule?.kind === "deliver-late") return this.holdBack(pair, rule, chunk);
      }
      if (pair.held) return void pair.held.push(chunk);
      this.later(() => upstream.write(chunk));
    });
    upstream.on("data", (chunk: Buffer) => {
      const active = pair.active;
      if (active?.rule.kind === "bad-event" && active.seen === 0) {
        const end = chunk.indexOf("\r\n\r\n");
        if (end >= 0 && /transfer-encoding: chunked/i.test(chunk.subarray(0, end).toString("latin1"))) {
          active.seen = 1;
          const bad = "event: values\ndata: {not json\n\n";
          const inserted = `${Buffer.byteLength(bad).toString(16)}\r\n${bad}\r\n`;
          chunk = Buffer.concat([chunk.subarray(0, end + 4), Buffer.from(inserted), chunk.subarray(end + 4)]);
        }
      }
      if (active?.rule.kind === "drop-response") return this.cut(pair);
      if (active?.rule.kind === "cut-response-after") {
        const room = active.rule.bytes - active.seen;
        active.seen += chunk.length;
        if (active.seen >= active.rule.bytes) {
          this.later(() => {
            // Deliver what fits, then close mid-response: the client sees a truncated answer.
            this.cuts += 1;
            this.pairs.delete(pair);
            upstream.destroy();
            client.end(chunk.subarray(0, Math.max(0, room)));
          });
          return;
        }
      }
      this.later(() => client.write(chunk));
    });
  }
}
