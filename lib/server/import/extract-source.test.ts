import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { normalizeText } from "@/lib/domain/text";
import { AppError } from "@/lib/server/errors";
import { extractSource, MAX_SOURCE_TEXT_BYTES, type SourceInput } from "./extract-source";

const utf8 = (text: string) => new TextEncoder().encode(text);

async function refusal(input: SourceInput): Promise<AppError> {
  const error = await extractSource(input).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

// Invented article text (not from the corpus).
const LEAD = "The flood barrier at Port Vell gave way shortly after four in the morning, sending seawater into the lower harbor district.";
const SECOND = "Harbor officials said the northern gate had been scheduled for an inspection next month, and that the storm came two days early.";
const THIRD = "The city council will meet on Thursday to decide whether to fund emergency repairs, which engineers estimate at twelve million euros.";

const ARTICLE_HTML = `<!doctype html><html><head>
  <title>Barrier fails | Port Gazette</title>
  <meta property="og:title" content="Harbor barrier fails overnight">
  <meta property="og:site_name" content="Port Gazette">
  <meta name="author" content="Ines Varga">
  <meta property="article:published_time" content="2024-03-05T06:10:00+01:00">
</head><body>
  <nav><a href="/">Home</a> <a href="/world">World</a></nav>
  <article><h1>Harbor barrier fails overnight</h1><p>${LEAD}</p><p>${SECOND}</p><p>${THIRD}</p></article>
  <footer>Copyright Port Gazette</footer>
</body></html>`;

describe("extractSource: pasted text", () => {
  it("normalizes it", async () => {
    await expect(extractSource({ kind: "paste", text: `\ufeff  ${LEAD}  \r\n\r\n\r\n${SECOND}\u00a0 ` })).resolves.toEqual({
      text: `${LEAD}\n\n${SECOND}`,
    });
  });

  it("takes markup literally: pasted HTML and Markdown stay text", async () => {
    const text = '<p onclick="steal()">Hello</p> **bold** <script>alert(1)</script>';
    expect((await extractSource({ kind: "paste", text })).text).toBe(text);
  });

  it.each(["", "   ", "\n\n\t\u00a0\u200b\ufeff\n"])("refuses empty text %j", async (text) => {
    const error = await refusal({ kind: "paste", text });
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe("The text is empty. Paste the article's text.");
    expect(error.fieldErrors).toEqual({ text: error.message });
  });

  it("counts the 1 MB limit in UTF-8 bytes after normalization", async () => {
    // 2 bytes per "é": 524,288 of them are exactly 1 MB.
    expect((await extractSource({ kind: "paste", text: "é".repeat(MAX_SOURCE_TEXT_BYTES / 2) })).text).toHaveLength(524_288);
    const error = await refusal({ kind: "paste", text: "é".repeat(MAX_SOURCE_TEXT_BYTES / 2 + 1) });
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(error.message).toBe(
      "The text is 1.0 MB (1,048,578 bytes); a source can hold at most 1 MB (1,048,576 bytes). Import the article alone, or split it into parts.",
    );
    expect(error.fieldErrors).toEqual({ text: error.message });
    // Whitespace that normalization removes does not count.
    const padded = `${"a".repeat(MAX_SOURCE_TEXT_BYTES - 10)}${" ".repeat(500_000)}`;
    expect((await extractSource({ kind: "paste", text: padded })).text).toHaveLength(MAX_SOURCE_TEXT_BYTES - 10);
  });
});

describe("extractSource: unsafe characters", () => {
  it("refuses pasted text with a NUL character, naming the field, rather than dropping it unseen", async () => {
    const error = await refusal({ kind: "paste", text: `${LEAD}\u0000` });
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe("The text contains a NUL character (U+0000), an invisible character that cannot be saved: remove it and try again.");
    expect(error.fieldErrors).toEqual({ text: error.message });
  });

  it("keeps directional marks in the article text (mixed Arabic and English quotes need them)", async () => {
    const text = `He said \u2067مرحبا\u2069 twice\u200f. ${LEAD}`;
    expect((await extractSource({ kind: "paste", text })).text).toBe(text);
  });

  it("drops direction controls from metadata found in a file, which is shown inline", async () => {
    const md = `---\ntitle: "\u202eReport\u202c \u200fdue\u2066"\nauthor: Ines\u200e Varga\n---\n\n${LEAD}`;
    const found = await extractSource({ kind: "file", name: "a.md", bytes: utf8(md) });
    expect(found).toMatchObject({ title: "Report due", author: "Ines Varga" });
  });
});

describe("extractSource: files", () => {
  it("reads a text file", async () => {
    const result = await extractSource({ kind: "file", name: "barrier.txt", bytes: utf8(`${LEAD}\r\n${SECOND}\r\n`) });
    expect(result).toEqual({ text: `${LEAD}\n${SECOND}` });
  });

  it("reads a Markdown file with its front matter", async () => {
    const md = `---\ntitle: "Harbor barrier fails overnight"\nauthor: Ines Varga\ndate: 2024-03-05\n---\n\n${LEAD}\n\n## Repairs\n\n- *Cost:* twelve million euros\n- [Council](https://example.org) meets Thursday\n`;
    expect(await extractSource({ kind: "file", name: "barrier.md", bytes: utf8(md) })).toEqual({
      text: `${LEAD}\n\nRepairs\n\n- Cost: twelve million euros\n- Council meets Thursday`,
      title: "Harbor barrier fails overnight",
      author: "Ines Varga",
      publishedAt: "2024-03-05",
    });
  });

  it("reads an HTML file: article text and metadata", async () => {
    expect(await extractSource({ kind: "file", name: "barrier.html", bytes: utf8(ARTICLE_HTML) })).toEqual({
      text: `${LEAD}\n\n${SECOND}\n\n${THIRD}`,
      title: "Harbor barrier fails overnight",
      author: "Ines Varga",
      publishedAt: "2024-03-05T06:10:00+01:00",
      siteName: "Port Gazette",
    });
  });

  it("refuses an HTML file without article text", async () => {
    const html = "<html><body><nav>Home</nav><script>app()</script></body></html>";
    const error = await refusal({ kind: "file", name: "shell.html", bytes: utf8(html) });
    expect(error.message).toBe("No article text found in that page. Paste the article's text instead.");
    expect(error.fieldErrors).toEqual({ file: error.message });
  });

  it("refuses a file with nothing but whitespace", async () => {
    const error = await refusal({ kind: "file", name: "blank.md", bytes: utf8("---\ntitle: T\n---\n\n   \n") });
    expect(error.message).toMatch(/^The text is empty/);
    expect(error.fieldErrors).toEqual({ file: error.message });
  });

  it("passes on the upload checks' refusals", async () => {
    const error = await refusal({ kind: "file", name: "../secret.txt", bytes: utf8("x") });
    expect(error.fieldErrors).toEqual({ file: "File names must not contain folders or '..'. Rename the file and try again." });
  });

  it("puts the HTML extractor's refusal on the file field", async () => {
    const error = await refusal({ kind: "file", name: "deep.html", bytes: utf8("<b>x".repeat(50_000)) });
    expect(error.message).toMatch(/too large or too deeply nested/);
    expect(error.fieldErrors).toEqual({ file: error.message });
  });
});

describe("extractSource: web addresses", () => {
  let server: Server;
  let origin = "";

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/article") res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(ARTICLE_HTML);
      else if (req.url === "/short") res.writeHead(302, { Location: "/article" }).end();
      else if (req.url === "/plain") res.writeHead(200, { "Content-Type": "text/plain" }).end(`<b>${LEAD}</b>\n\n\n${SECOND}`);
      else if (req.url === "/nul") res.writeHead(200, { "Content-Type": "text/plain" }).end(`${LEAD}\u0000${SECOND}`);
      else if (req.url === "/empty") res.writeHead(200, { "Content-Type": "text/html" }).end("<html><body><nav>Home</nav></body></html>");
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  afterEach(() => vi.unstubAllEnvs());

  it("fetches a page, extracts the article and reports the final address", async () => {
    vi.stubEnv("PARALLAX_ALLOW_PRIVATE_URLS", "true");
    expect(await extractSource({ kind: "url", url: `${origin}/short` })).toEqual({
      text: `${LEAD}\n\n${SECOND}\n\n${THIRD}`,
      title: "Harbor barrier fails overnight",
      author: "Ines Varga",
      publishedAt: "2024-03-05T06:10:00+01:00",
      url: `${origin}/article`,
      siteName: "Port Gazette",
    });
  });

  it("takes a text/plain page literally", async () => {
    vi.stubEnv("PARALLAX_ALLOW_PRIVATE_URLS", "true");
    expect(await extractSource({ kind: "url", url: `${origin}/plain` })).toEqual({
      text: `<b>${LEAD}</b>\n\n${SECOND}`,
      url: `${origin}/plain`,
    });
  });

  it("refuses a page without article text", async () => {
    vi.stubEnv("PARALLAX_ALLOW_PRIVATE_URLS", "true");
    const error = await refusal({ kind: "url", url: `${origin}/empty` });
    expect(error.message).toBe("No article text found in that page. Paste the article's text instead.");
    expect(error.fieldErrors).toEqual({ url: error.message });
  });

  it("refuses a page whose text holds a NUL character", async () => {
    vi.stubEnv("PARALLAX_ALLOW_PRIVATE_URLS", "true");
    const error = await refusal({ kind: "url", url: `${origin}/nul` });
    expect(error.message).toMatch(/^The page's text contains a NUL character \(U\+0000\)/);
    expect(error.fieldErrors).toEqual({ url: error.message });
  });

  it("passes on the fetcher's refusals (private addresses are refused by default)", async () => {
    const error = await refusal({ kind: "url", url: `${origin}/article` });
    expect(error.message).toMatch(/private, local or reserved network address/);
    expect(error.fieldErrors).toEqual({ url: error.message });
  });
});

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const corpusDir = path.resolve(repoRoot, "../shared/corpus/soleimani-anniversaries");

describe.skipIf(!existsSync(path.join(corpusDir, "manifest.json")))("real corpus: Soleimani anniversaries", () => {
  const manifest = JSON.parse(readFileSync(path.join(corpusDir, "manifest.json"), "utf8")) as { documents: { file: string }[] };

  it.each(manifest.documents.map((d) => d.file))("%s reads the same pasted or uploaded", async (file) => {
    const bytes = readFileSync(path.join(corpusDir, file));
    const uploaded = await extractSource({ kind: "file", name: file, bytes });
    const pasted = await extractSource({ kind: "paste", text: bytes.toString("utf8") });
    expect(uploaded.text).toBe(pasted.text);
    expect(uploaded.text).toBe(normalizeText(bytes.toString("utf8")));
  });
});
