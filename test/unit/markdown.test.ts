// The Markdown document `chat print --format markdown` and `/export x.md` write: one section per
// message, tool calls as JSON written as the server wrote it, and server text that cannot pass for
// the document's structure or drive a terminal.
import { describe, expect, it } from "vitest";
import { asMessageDict, type MessageDict } from "../../src/engine/message.js";
import { parseKeepingForm } from "../../src/pretty-print/json-form.js";
import {
  codeSpan,
  fenced,
  markdownMessage,
  markdownText,
  markdownTranscript,
  markdownValues,
} from "../../src/pretty-print/markdown.js";

const messages = (json: string) => (parseKeepingForm(json) as unknown[]).map((m) => asMessageDict(m) as MessageDict);

describe("the Markdown transcript", () => {
  it("is a title and one ## section per message, titled as pretty_print titles it, tool calls as JSON blocks", () => {
    const doc = markdownTranscript(
      messages(`[
        {"type": "human", "content": "what's the weather in sf?"},
        {"type": "ai", "content": "", "tool_calls": [{"name": "search", "args": {"query": "weather in sf"}, "id": "call_1"}]},
        {"type": "tool", "name": "search", "content": "57°F and sunny", "tool_call_id": "call_1"},
        {"type": "ai", "content": "It's **57°F** in San Francisco."}
      ]`),
      { threadId: "t-1" },
    );
    expect(doc).toBe(
      [
        "# Thread `t-1`",
        "## Human Message",
        "what's the weather in sf?",
        "## Ai Message",
        "Tool call `search` (`call_1`):",
        '```json\n{\n  "query": "weather in sf"\n}\n```',
        "## Tool Message: `search`",
        "```\n57°F and sunny\n```",
        "## Ai Message",
        "It's **57°F** in San Francisco.\n",
      ].join("\n\n"),
    );
  });

  it("writes tool-call args with the server's key order and number forms (a Python server's 20.0 stays 20.0)", () => {
    const [ai] = messages(
      '[{"type": "ai", "content": "", "tool_calls": [{"name": "set", "id": "c", "args": {"b": 1, "9": 20.0, "n": 123456789012345678901, "l": [], "o": {}}}]}]',
    );
    expect(markdownMessage(ai as MessageDict)).toContain(
      '```json\n{\n  "b": 1,\n  "9": 20.0,\n  "n": 123456789012345678901,\n  "l": [],\n  "o": {}\n}\n```',
    );
  });

  it("shows invalid tool calls with their error and raw args, an AI message's text before its calls", () => {
    const [ai] = messages(
      '[{"type": "ai", "content": "Let me look.", "invalid_tool_calls": [{"name": "search", "args": "{\\"query\\": ", "id": "c2", "error": "bad JSON"}]}]',
    );
    expect(markdownMessage(ai as MessageDict)).toBe(
      '## Ai Message\n\nLet me look.\n\nInvalid tool call `search` (`c2`):\n\nError: `bad JSON`\n\n```\n{"query": \n```',
    );
  });

  it("takes list content's text blocks as text and shows other blocks as JSON, in order", () => {
    const [ai] = messages(
      '[{"type": "ai", "content": [{"type": "text", "text": "Here "}, {"type": "text", "text": "it is."}, {"type": "image", "url": "u"}]}]',
    );
    expect(markdownMessage(ai as MessageDict)).toBe(
      '## Ai Message\n\nHere it is.\n\n```json\n{\n  "type": "image",\n  "url": "u"\n}\n```',
    );
  });

  it("a state with no messages is its values as one JSON block", () => {
    expect(markdownValues({ topic: "cats", n: 2 })).toBe('## State\n\n```json\n{\n  "topic": "cats",\n  "n": 2\n}\n```\n');
  });
});

describe("server text in the Markdown document", () => {
  it("cannot start a message section: its headings go two levels down, a setext underline is escaped", () => {
    expect(markdownText("# Plan\n## Human Message\n###### deep\n#hashtag")).toBe(
      "### Plan\n#### Human Message\n###### deep\n#hashtag",
    );
    expect(markdownText("Human Message\n===\n\nAi Message\n---")).toBe("Human Message\n\\===\n\nAi Message\n\\---");
    // A thematic break after a blank line, or after a list item, is a break, not a heading: left alone.
    expect(markdownText("a\n\n---\n- item\n---")).toBe("a\n\n---\n- item\n---");
  });

  it("cannot hide the sections after it: an open code fence is closed, an HTML block is escaped", () => {
    expect(markdownText("code:\n````py\nprint(1)\n```\nstill code")).toBe("code:\n````py\nprint(1)\n```\nstill code\n````");
    expect(markdownText("<!-- hidden\n<pre>\n<?php\n</div>\n<3 and a <b>bold</b> word")).toBe(
      "\\<!-- hidden\n\\<pre>\n\\<?php\n\\</div>\n<3 and a <b>bold</b> word",
    );
  });

  it("whose code fences could be read as ending in more than one place, in a list or a quote, is shown as a code block", () => {
    // In a list item this fence ends where the item does, and the last ``` opens another.
    const listed = "- a\n  ```\n  code\nnext\n```\nmore";
    expect(markdownText(listed)).toBe(`\`\`\`\`\n${listed}\n\`\`\`\``);
    expect(markdownText("> ```\n> quoted")).toBe("````\n> ```\n> quoted\n````");
    expect(markdownText("see\n   ~~~\nx")).toBe("```\nsee\n   ~~~\nx\n```");
  });

  it("is read as the terminal would show it: a carriage return is visible text, so ```\\r closes no fence", () => {
    expect(markdownText("```\r\ncode\r\n```\r\n# Title\r")).toBe("```\\x0d\ncode\\x0d\n```\\x0d\n# Title\\x0d\n```");
  });

  it("leaves what is inside its own code blocks as written", () => {
    const text = "```\n# not a heading\n<!-- nor this\n```\n~~~\n## nor this\n~~~";
    expect(markdownText(text)).toBe(text);
  });

  it("neutralises terminal escapes and reading-order tricks everywhere, names and args included", () => {
    const [ai] = messages(
      '[{"type": "ai", "name": "a\\u001b[2Jb", "content": "x\\u001b]0;title\\u0007y\\u202ez", "tool_calls": [{"name": "t", "id": "c", "args": {"k": "\\u009b31m\\u202e"}}]}]',
    );
    const doc = markdownTranscript([ai as MessageDict]);
    expect(doc).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
    expect(doc).toContain("## Ai Message: `a\\x1b[2Jb`");
    expect(doc).toContain("x\\x1b]0;title\\x07y\\u202ez");
    expect(doc).toContain('"k": "\\u009b31m\\u202e"');
  });

  it("writes names and ids as code spans, on one line, whatever backticks they hold", () => {
    expect(codeSpan("plain")).toBe("`plain`");
    expect(codeSpan("a`b")).toBe("``a`b``");
    expect(codeSpan("`x`")).toBe("`` `x` ``");
    expect(codeSpan("two\nlines")).toBe("`two lines`");
    const [tool] = messages('[{"type": "tool", "name": "## Human Message\\n", "content": "```\\nout"}]');
    expect(markdownMessage(tool as MessageDict)).toBe("## Tool Message: `## Human Message`\n\n````\n```\nout\n````");
  });

  it("fences a block longer than any run of backticks inside it", () => {
    expect(fenced('{"code": "```"}', "json")).toBe('````json\n{"code": "```"}\n````');
  });
});
