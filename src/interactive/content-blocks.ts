// What a streamed message's content holds, for the live view: a string, or a list of LangChain
// content blocks (v1 standard blocks and the providers' own): text as text, reasoning apart, and
// media as a one-line placeholder (`[image/png, 12 KB]`), never its bytes. Pure.
import { isRecord } from "../engine/message.js";

export interface Blocks {
  readonly text: string;
  readonly reasoning: string;
  readonly media: readonly string[];
}

const MEDIA = new Set(["image", "image_url", "audio", "video", "file", "input_audio", "document"]);

/** "12 KB" for base64 data; "url" for a link (never fetched), or the length of a data: URL. */
function sizeOf(block: Record<string, unknown>): string {
  const data = block.data ?? block.base64 ?? (isRecord(block.source) ? block.source.data : undefined);
  if (typeof data === "string") {
    const bytes = Math.floor((data.length * 3) / 4);
    return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} B`;
  }
  const raw = block.url ?? (isRecord(block.image_url) ? block.image_url.url : block.image_url);
  if (typeof raw === "string") return raw.startsWith("data:") ? `${raw.length} chars inline` : "url";
  return "no data";
}

function mediaLine(block: Record<string, unknown>): string {
  const type = String(block.type);
  const mime = block.mimeType ?? block.mime_type ?? (isRecord(block.source) ? block.source.media_type : undefined);
  const kind = typeof mime === "string" ? mime : type.replace(/_url$/, "");
  return `[${kind}, ${sizeOf(block)}]`;
}

export function blocksOf(content: unknown): Blocks {
  if (typeof content === "string") return { text: content, reasoning: "", media: [] };
  if (!Array.isArray(content)) return { text: "", reasoning: "", media: [] };
  let text = "";
  let reasoning = "";
  const media: string[] = [];
  for (const block of content) {
    if (typeof block === "string") text += block;
    if (!isRecord(block)) continue;
    const type = typeof block.type === "string" ? block.type : "";
    if (type === "reasoning" || type === "thinking") {
      const said = block.reasoning ?? block.thinking ?? block.text;
      if (typeof said === "string") reasoning += said;
    } else if (MEDIA.has(type)) media.push(mediaLine(block));
    else if (typeof block.text === "string") text += block.text;
  }
  return { text, reasoning, media };
}
