/**
 * Markdown → the plain text a reader of the rendered page would see. Not a full CommonMark
 * implementation: a line-based reading that covers what article files contain (front matter,
 * headings, paragraphs, lists, quotes, code, tables, links, images, inline HTML) and never
 * throws. The result goes through normalizeText afterwards.
 *
 * Choices, and why:
 * - Soft line breaks inside a paragraph become spaces: that is how the page renders, and
 *   Markdown files are often hard-wrapped at 80 columns. Hard breaks (two trailing spaces,
 *   a trailing backslash, <br>) stay line breaks.
 * - Headings, paragraphs, quotes, code blocks and tables are separated by a blank line.
 * - List items keep a marker on their own line: "- " for bullets (*, + and - alike), and
 *   the number as written for ordered items, because "the three demands: 1. … 2. …" needs
 *   its numbers. Nesting depth is lost (normalizeText trims lines).
 * - Links keep their text and lose the address; autolinks (<https://…>) keep the address,
 *   since it is their text. Images keep their alt text only when it says something (not
 *   empty, not a file name, not just "image"/"photo").
 * - Code fences keep the code as text; blockquote markers go, the quoted text stays.
 * - Table rows become lines with cells separated by " | "; the delimiter row goes.
 * - Inline HTML tags go (block tags such as <p> become line breaks); <script>, <style> and
 *   comments go with their content. Character references (&amp;, &#8217;) are decoded.
 * - Front matter (a --- block at the very top) is removed; its title, author and date are
 *   returned. Without a front matter title, a level-1 heading that opens the document is
 *   the title and leaves the body. Only an opening one: a "# Heading" further down is a
 *   section heading of the body, and taking it out would lose text from the middle.
 */

export interface MarkdownText {
  text: string;
  title?: string;
  author?: string;
  date?: string;
}

interface Block {
  text: string;
  /** Heading level 1–6, undefined for everything else. */
  heading?: number;
}

export function markdownToText(md: string): MarkdownText {
  // CommonMark replaces NUL with U+FFFD; that also frees NUL for the placeholders below.
  const lines = md.replace(/^\ufeff/, "").replace(/\0/g, "\ufffd").replace(/\r\n?/g, "\n").split("\n");
  const { fields, bodyStart } = readFrontMatter(lines);
  const body = lines.slice(bodyStart);
  const blocks = parseBlocks(body, collectLinkLabels(body));

  // A front matter title is YAML, not Markdown: it is taken as written.
  let title = fields.title;
  const first = blocks[0];
  if (first?.heading === 1 && (!title || sameWords(title, first.text))) {
    title ??= first.text;
    blocks.shift();
  }
  return {
    text: blocks
      .map((b) => b.text.trim())
      .filter((t) => t !== "")
      .join("\n\n"),
    ...(title ? { title } : {}),
    ...(fields.author ? { author: fields.author } : {}),
    ...(fields.date ? { date: fields.date } : {}),
  };
}

const sameWords = (a: string, b: string) => a.toLowerCase().split(/\s+/).join(" ") === b.toLowerCase().split(/\s+/).join(" ");

// ---------------------------------------------------------------------------------------
// Front matter

/**
 * A YAML-like front matter block: only the top-level `key: value` lines are read, with
 * quoted values, trailing comments and lists ([a, b] or "- a" lines) handled. Anything
 * richer is ignored rather than misread. An unclosed "---" is not front matter.
 */
function readFrontMatter(lines: string[]): { fields: { title?: string; author?: string; date?: string }; bodyStart: number } {
  if (lines[0]?.trimEnd() !== "---") return { fields: {}, bodyStart: 0 };
  const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (end === -1) return { fields: {}, bodyStart: 0 };

  const values = new Map<string, string>();
  for (let i = 1; i < end; i++) {
    const m = /^([A-Za-z][\w-]*)\s*:(.*)$/.exec(lines[i]!);
    if (!m) continue;
    let value = yamlScalar(m[2]!);
    if (value === "") {
      const items: string[] = [];
      for (let j = i + 1; j < end && /^\s+-\s/.test(lines[j]!); j++) items.push(yamlScalar(lines[j]!.replace(/^\s+-\s/, "")));
      value = items.filter(Boolean).join(", ");
    } else if (/^\[.*\]$/.test(value)) {
      value = value.slice(1, -1).split(",").map(yamlScalar).filter(Boolean).join(", ");
    }
    if (value) values.set(m[1]!.toLowerCase(), value);
  }
  const title = values.get("title");
  const author = values.get("author") ?? values.get("authors");
  const date = values.get("date");
  return {
    fields: { ...(title ? { title } : {}), ...(author ? { author } : {}), ...(date ? { date } : {}) },
    bodyStart: end + 1,
  };
}

function yamlScalar(raw: string): string {
  const value = raw.trim();
  if (/^"(?:[^"\\]|\\.)*"/.test(value)) {
    const quoted = /^"((?:[^"\\]|\\.)*)"/.exec(value)![1]!;
    return quoted.replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c)).trim();
  }
  if (/^'(?:[^']|'')*'/.test(value)) return /^'((?:[^']|'')*)'/.exec(value)![1]!.replace(/''/g, "'").trim();
  // An unquoted YAML value ends where a comment starts (" #").
  return value.replace(/\s#.*$/, "").trim();
}

// ---------------------------------------------------------------------------------------
// Blocks

const FENCE_OPEN = /^( {0,3})(`{3,}(?=[^`]*$)|~{3,})/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?=[ \t]|$)(.*)$/;
const SETEXT_1 = /^ {0,3}=+[ \t]*$/;
const SETEXT_2 = /^ {0,3}-+[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** All the quote markers of a line at once: nesting levels need not be told apart in plain text, and peeling them one recursion at a time would let "> > > …" overflow the stack. */
const BLOCKQUOTE = /^(?: {0,3}> ?)+/;
const LIST_ITEM = /^[ \t]*([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
const LINK_DEFINITION = /^ {0,3}\[((?:[^\]\\]|\\.)+)\]:[ \t]*\S/;
/** Raw HTML whose content is never text: skipped from the opening line to the closing one. */
const HIDDEN_HTML = [
  { open: /^ {0,3}<script\b/i, close: /<\/script\s*>/i },
  { open: /^ {0,3}<style\b/i, close: /<\/style\s*>/i },
  { open: /^ {0,3}<!--/, close: /-->/ },
];

const isBlank = (line: string) => line.trim() === "";

function collectLinkLabels(lines: string[]): Set<string> {
  const labels = new Set<string>();
  for (const line of lines) {
    const m = LINK_DEFINITION.exec(line);
    if (m) labels.add(linkLabel(m[1]!));
  }
  return labels;
}

const linkLabel = (label: string) => label.trim().toLowerCase().replace(/\s+/g, " ");

/** Cells of a table row: outer pipes dropped, split on pipes that are not escaped. */
const tableCells = (line: string) =>
  line
    .trim()
    .replace(/^\|/, "")
    .replace(/(?<!\\)\|$/, "")
    .split(/(?<!\\)\|/);

function isTableDelimiter(line: string | undefined, columns: number): boolean {
  if (line === undefined || !line.includes("|")) return false;
  const cells = tableCells(line);
  return cells.length === columns && cells.every((cell) => /^[ \t]*:?-+:?[ \t]*$/.test(cell));
}

/** Starts a block that ends the paragraph before it (CommonMark's "can interrupt a paragraph"). */
function interruptsParagraph(line: string): boolean {
  if (ATX_HEADING.test(line) || FENCE_OPEN.test(line) || THEMATIC_BREAK.test(line) || BLOCKQUOTE.test(line)) return true;
  if (HIDDEN_HTML.some((h) => h.open.test(line))) return true;
  const item = LIST_ITEM.exec(line);
  // Only "1." may start an ordered list mid-paragraph: "in\n1986. The year…" stays prose.
  return item !== null && item[2] !== undefined && item[2].trim() !== "" && (/^[-*+]$/.test(item[1]!) || /^1[.)]$/.test(item[1]!));
}

function parseBlocks(lines: string[], labels: Set<string>): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];

  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push({ text: inline(joinParagraph(paragraph), labels) });
    paragraph = [];
  };
  const flushList = () => {
    if (list.length > 0) blocks.push({ text: list.join("\n") });
    list = [];
  };
  const flush = () => {
    flushParagraph();
    flushList();
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;

    if (isBlank(line)) {
      flush();
      continue;
    }

    const fence = FENCE_OPEN.exec(line);
    if (fence) {
      flush();
      const indent = fence[1]!.length;
      const marker = fence[2]!;
      const close = new RegExp(`^ {0,3}${marker[0] === "`" ? "`" : "~"}{${marker.length},}[ \\t]*$`);
      const code: string[] = [];
      // An unclosed fence runs to the end of the document, as in CommonMark.
      for (i++; i < lines.length && !close.test(lines[i]!); i++) code.push(lines[i]!.replace(new RegExp(`^ {0,${indent}}`), ""));
      blocks.push({ text: code.join("\n") });
      continue;
    }

    const hidden = HIDDEN_HTML.find((h) => h.open.test(line));
    if (hidden) {
      flush();
      while (i < lines.length && !hidden.close.test(lines[i]!)) i++;
      continue;
    }

    if (paragraph.length > 0 && (SETEXT_1.test(line) || SETEXT_2.test(line))) {
      const heading = SETEXT_1.test(line) ? 1 : 2;
      blocks.push({ text: inline(joinParagraph(paragraph), labels), heading });
      paragraph = [];
      continue;
    }

    const atx = ATX_HEADING.exec(line);
    if (atx) {
      flush();
      blocks.push({ text: inline(headingText(atx[2]!), labels), heading: atx[1]!.length });
      continue;
    }

    if (THEMATIC_BREAK.test(line)) {
      flush();
      continue;
    }

    if (BLOCKQUOTE.test(line)) {
      flush();
      const quoted: string[] = [];
      // Quote lines, plus "lazy" lines that continue a quoted paragraph without the marker.
      for (; i < lines.length && !isBlank(lines[i]!); i++) {
        const current = lines[i]!;
        if (!BLOCKQUOTE.test(current) && quoted.length > 0 && interruptsParagraph(current)) break;
        quoted.push(current.replace(BLOCKQUOTE, ""));
      }
      i--;
      blocks.push(...parseBlocks(quoted, labels));
      continue;
    }

    if (paragraph.length === 0 && LINK_DEFINITION.test(line)) continue;

    const columns = line.includes("|") ? tableCells(line).length : 0;
    if (paragraph.length === 0 && columns > 0 && isTableDelimiter(lines[i + 1], columns)) {
      flush();
      const rows = [tableCells(line)];
      for (i += 2; i < lines.length && !isBlank(lines[i]!) && lines[i]!.includes("|") && !interruptsParagraph(lines[i]!); i++) {
        rows.push(tableCells(lines[i]!));
      }
      i--;
      blocks.push({ text: rows.map((cells) => cells.map((cell) => inline(cell.trim(), labels)).join(" | ")).join("\n") });
      continue;
    }

    const item = LIST_ITEM.exec(line);
    if (item && (paragraph.length === 0 || interruptsParagraph(line))) {
      flushParagraph();
      const marker = /^[-*+]$/.test(item[1]!) ? "-" : item[1]!;
      list.push(`${marker} ${inline(item[2]?.trim() ?? "", labels)}`.trimEnd());
      continue;
    }

    if (list.length > 0) {
      // A continuation line of the last list item.
      list[list.length - 1] += ` ${inline(line.trim(), labels)}`;
      continue;
    }

    paragraph.push(line);
  }
  flush();
  return blocks;
}

/**
 * A heading's text without its optional closing #s, which count only after a space:
 * "# C#" keeps its "#". (String scanning, not a regex ending in "[ \t]*$", which is
 * quadratic on long runs of spaces.)
 */
function headingText(rest: string): string {
  const text = rest.trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === "#") end--;
  if (end === 0) return "";
  return end < text.length && /[ \t]/.test(text[end - 1]!) ? text.slice(0, end).trim() : text;
}

/** Soft breaks become spaces; hard breaks (two trailing spaces, trailing backslash) stay. */
function joinParagraph(lines: string[]): string {
  return lines
    .map((line, i) => {
      const text = line.trimStart();
      const body = text.trimEnd();
      if (i === lines.length - 1) return body;
      if (body.endsWith("\\")) return `${body.slice(0, -1)}\n`;
      return text.length - body.length >= 2 ? `${body}\n` : `${body} `;
    })
    .join("");
}

// ---------------------------------------------------------------------------------------
// Inline

const BLOCK_TAGS = new Set(
  "address article aside blockquote dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td th thead tr ul".split(
    " ",
  ),
);

/**
 * A link destination: <…>, or a run without spaces allowing one level of balanced
 * parentheses; then, after whitespace, an optional title. Written to stay linear on
 * hostile text: whitespace is matched atomically ((?=(\s*))\k<…>, as JavaScript has no
 * atomic groups), otherwise "[a](" and a long run of spaces takes quadratic time; and
 * titles and <…> destinations are bounded, so an unclosed one is not rescanned to the end
 * of the paragraph from every link.
 */
const DESTINATION = String.raw`\((?=(?<lead>\s*))\k<lead>(?:<[^<>\n]{0,2000}>|(?:[^()\s]|\([^()\s]*\))*)(?:(?=(?<gap>\s+))\k<gap>(?:"[^"]{0,1000}"|'[^']{0,1000}'|\([^()]{0,1000}\)))?(?=(?<tail>\s*))\k<tail>\)`;
/** Bracketed text allowing one level of nested brackets: [a [b] c]. */
const BRACKETED = String.raw`\[((?:[^\[\]]|\[[^\[\]]*\])*)\]`;
const IMAGE_INLINE = new RegExp(`!${BRACKETED}${DESTINATION}`, "g");
const IMAGE_REFERENCE = new RegExp(String.raw`!${BRACKETED}\[([^\]]*)\]`, "g");
const LINK_INLINE = new RegExp(`${BRACKETED}${DESTINATION}`, "g");
const LINK_REFERENCE = new RegExp(String.raw`${BRACKETED}\[([^\]]*)\]`, "g");
const LINK_SHORTCUT = new RegExp(BRACKETED, "g");

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", ndash: "–", mdash: "—", hellip: "…",
  lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", laquo: "«", raquo: "»", copy: "©", reg: "®", trade: "™",
  eacute: "é", egrave: "è", agrave: "à", ccedil: "ç", uuml: "ü", ouml: "ö", auml: "ä", szlig: "ß", deg: "°", euro: "€",
};

/** Alt text worth keeping: not empty, not a file name, not a placeholder word. */
function meaningfulAlt(alt: string): string {
  const text = alt.trim();
  if (/^[\w.-]+\.(?:png|jpe?g|gif|webp|svg|avif|bmp|tiff?)$/i.test(text)) return "";
  if (/^(?:image|img|photo|picture|pic|figure|graphic|icon|logo|banner|thumbnail)(?:[ _-]?\d+)?$/i.test(text)) return "";
  return text;
}

function decodeEntity(entity: string, body: string): string {
  if (body.startsWith("#")) {
    const code = /^#x/i.test(body) ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    const valid = Number.isFinite(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return valid ? String.fromCodePoint(code) : "\ufffd";
  }
  return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
}

/**
 * Removes every `open … close` span, in one left-to-right pass: once a closer is missing,
 * no later opener can have one, so the search stops instead of rescanning (a lazy regex
 * would rescan the rest of the text from every unclosed opener: quadratic).
 */
function removeSpans(text: string, open: RegExp, close: RegExp): string {
  let out = "";
  let from = 0;
  for (;;) {
    open.lastIndex = from;
    const start = open.exec(text);
    if (!start) break;
    close.lastIndex = start.index + start[0].length;
    const end = close.exec(text);
    if (!end) break;
    out += text.slice(from, start.index);
    from = end.index + end[0].length;
  }
  return out + text.slice(from);
}

const isSpace = (c: string | undefined) => c === undefined || /\s/u.test(c);
const isPunctuation = (c: string | undefined) => c !== undefined && /[\p{P}\p{S}]/u.test(c);

interface DelimiterRun {
  start: number;
  length: number;
  /** How many of its characters matched a partner and are dropped. */
  used: number;
}

/**
 * Drops the emphasis delimiters (*, _, ~~) that CommonMark would pair, keeping the text
 * between them. Flanking follows CommonMark: no space just inside a delimiter, so
 * "2 * 3 * 4" stays as written, and "_" pairs only at word edges, so snake_case_names keep
 * their underscores. One stack per delimiter character keeps it linear on hostile input;
 * crossed emphasis ("*a _b* c_") is then stripped a little more eagerly than CommonMark would.
 */
function stripEmphasis(text: string): string {
  const runs: DelimiterRun[] = [];
  const openers = new Map<string, DelimiterRun[]>();
  for (const m of text.matchAll(/\*+|_+|~~/g)) {
    const char = m[0][0]!;
    const before = text[m.index - 1];
    const after = text[m.index + m[0].length];
    const left = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
    const right = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
    const canOpen = char === "_" ? left && (!right || isPunctuation(before)) : left;
    const canClose = char === "_" ? right && (!left || isPunctuation(after)) : right;
    const run: DelimiterRun = { start: m.index, length: m[0].length, used: 0 };
    runs.push(run);
    const stack = openers.get(char) ?? [];
    openers.set(char, stack);
    while (canClose && stack.length > 0 && run.used < run.length) {
      const opener = stack[stack.length - 1]!;
      const n = Math.min(opener.length - opener.used, run.length - run.used);
      opener.used += n;
      run.used += n;
      if (opener.used === opener.length) stack.pop();
    }
    if (canOpen && run.used < run.length) stack.push(run);
  }
  let out = "";
  let from = 0;
  for (const run of runs) {
    if (run.used === 0) continue;
    // Matched characters go; an unmatched remainder of the run stays.
    out += text.slice(from, run.start) + text.slice(run.start, run.start + run.length - run.used);
    from = run.start + run.length;
  }
  return out + text.slice(from);
}

/** Inline Markdown → text. Literal pieces (escapes, code, autolinks) hide behind NUL placeholders meanwhile. */
function inline(source: string, labels: Set<string>): string {
  const stash: string[] = [];
  const hide = (literal: string) => `\0${stash.push(literal) - 1}\0`;
  const restore = (text: string): string => text.replace(/\0(\d+)\0/g, (_, n: string) => restore(stash[Number(n)]!));

  let text = source
    .replace(/\\([!-/:-@[-`{-~])/g, (_, c: string) => hide(c))
    // Bounded, so a text full of unmatched backtick runs cannot make the search quadratic.
    .replace(/(`{1,16})(?!`)([\s\S]{0,4000}?[^`])\1(?!`)/g, (_, _ticks: string, code: string) => {
      const flat = code.replace(/\n/g, " ");
      // CommonMark strips one space on each side when both are there: `` `x` `` shows `x`.
      return hide(flat.length > 2 && flat.startsWith(" ") && flat.endsWith(" ") && flat.trim() !== "" ? flat.slice(1, -1) : flat);
    })
    .replace(/<((?:https?|ftp|mailto):[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>/gi, (_, url: string) => hide(url));

  text = removeSpans(text, /<script\b/gi, /<\/script\s*>/gi);
  text = removeSpans(text, /<style\b/gi, /<\/style\s*>/gi);
  text = removeSpans(text, /<!--/g, /-->/g);
  text = text
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?\/?>/g, (_, tag: string) => (BLOCK_TAGS.has(tag.toLowerCase()) ? "\n" : ""))
    .replace(IMAGE_INLINE, (_, alt: string) => meaningfulAlt(alt))
    .replace(IMAGE_REFERENCE, (_, alt: string) => meaningfulAlt(alt))
    .replace(LINK_INLINE, (_, label: string) => label)
    .replace(LINK_REFERENCE, (whole: string, label: string, ref: string) => (labels.has(linkLabel(ref || label)) ? label : whole))
    .replace(LINK_SHORTCUT, (whole: string, label: string) => (labels.has(linkLabel(label)) ? label : whole));

  return restore(stripEmphasis(text).replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});/gi, decodeEntity));
}
