// What counts as a deployment URL. Errors quote the URL clipped and without any user:password part.
import { UsageError } from "../errors.js";
import { clip } from "../sanitize.js";

/** The text of a URL that is safe to echo: credentials hidden, long ones clipped. */
export function quoteUrl(raw: string): string {
  // Whatever stands between the scheme (its slashes either way round) and an @ before the path.
  const hidden = raw.replace(/^([a-z][a-z0-9+.-]*:[\\/]*)?[^/?#]*@/i, (_all, scheme: string | undefined) => `${scheme ?? ""}…@`);
  return JSON.stringify(clip(hidden, 100));
}

/** An http(s) URL with a host and no credentials, without a trailing slash. */
export function parseDeploymentUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`malformed URL: ${quoteUrl(raw)} (expected e.g. http://127.0.0.1:2024)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(
      `unsupported URL scheme ${JSON.stringify(clip(url.protocol, 20))} in ${quoteUrl(raw)} (use http or https)`,
    );
  }
  // fetch refuses URLs with credentials, and they would be printed wherever the URL is.
  if (url.username || url.password) {
    throw new UsageError(`a URL cannot carry credentials (user:password@): use LANGGRAPH_API_KEY or chat config set apiKey -`);
  }
  return url.toString().replace(/\/$/, "");
}
