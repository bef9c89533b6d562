// What counts as a deployment URL: the `url` setting's check, wherever it comes from (flag, env,
// saved). Errors quote the URL clipped and without any user:password part.
import { UsageError } from "../errors.js";
import { clip } from "../sanitize.js";

/** The text of a URL that is safe to echo: credentials hidden, long ones clipped. */
export function quoteUrl(raw: string): string {
  // Everything up to the last @ but a leading scheme (its slashes either way round): a password
  // may hold / ? # or @, and text may stand before the URL.
  const hidden = raw.replace(
    /^(\s*[a-z][a-z0-9+.-]*:[\\/]*)?[\s\S]*@/i,
    (_all, scheme: string | undefined) => `${scheme ?? ""}…@`,
  );
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
