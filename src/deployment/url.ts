// What counts as a deployment URL.
import { UsageError } from "../errors.js";

/** An http(s) URL with a host, without a trailing slash. */
export function parseDeploymentUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`malformed URL: ${JSON.stringify(raw)} (expected e.g. http://127.0.0.1:2024)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(`unsupported URL scheme ${url.protocol} in ${raw} (use http or https)`);
  }
  return url.toString().replace(/\/$/, "");
}
