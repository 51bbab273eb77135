import "server-only";
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import { normalizeText } from "@/lib/domain/text";
import { AppError } from "@/lib/server/errors";

export interface ExtractedArticle {
  /** Normalized plain text; empty when the page has no article text. */
  text: string;
  title?: string;
  author?: string;
  /** As the page states it (usually ISO 8601); not validated. */
  publishedAt?: string;
  siteName?: string;
}

/*
 * Cost limits. jsdom's parser and Readability both slow down with the depth of the tree
 * (measured: a 200 KB page of 2,000 paragraphs inside 256 nested <div>s keeps Readability
 * busy for minutes; 100,000 unclosed <b> tags keep the parser busy for a minute), and both
 * run synchronously on the server's one thread. So:
 * - before parsing, a linear scan of the tags estimates the tree and refuses pages no
 *   browser-made article has (deeper than 512 levels: browsers flatten DOMs past that);
 * - after parsing, the real tree is measured and Readability runs only when its cost is
 *   bounded (a few seconds at worst); bigger pages get the linear body-text fallback.
 * Sum of depths = Σ over elements of their depth, which tracks both tools' cost.
 */
const MAX_DEPTH = 512;
const MAX_ELEMENTS = 60_000;
const MAX_TAGS = 200_000;
const MAX_DEPTH_SUM = 3_000_000;
const READABILITY_MAX_DEPTH = 128;
const READABILITY_MAX_DEPTH_SUM = 150_000;

const TOO_COMPLEX =
  "This page's HTML is too large or too deeply nested to read safely. Copy the article's text and paste it instead.";

/** Never text: code, styling, embedded documents, media, form controls. */
const SKIPPED = new Set(
  "script style noscript template iframe frame frameset object embed applet svg math canvas video audio map img picture source button select input textarea option head title meta link base".split(
    " ",
  ),
);
/** Removed before Readability looks: never article text, and they only add to its cost. */
const NEVER_ARTICLE = "script, style, noscript, template, svg, math, iframe, object, embed, nav, [role=navigation], button, select, input, textarea";
/** Chrome around an article, removed in the fallback (Readability scores these away itself). */
const PAGE_CHROME = "nav, header, footer, aside, dialog, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=search]";
const LINE_BLOCKS = new Set(["li", "tr", "dt", "dd"]);
const PARAGRAPH_BLOCKS = new Set(
  "address article aside blockquote caption center details dialog div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr legend main nav ol p pre section summary table tbody tfoot thead ul".split(
    " ",
  ),
);

/**
 * The article in an HTML page as plain text with its paragraph breaks, plus what the page
 * says about itself. The HTML is parsed by jsdom without running scripts or loading any
 * resource (no `runScripts`, no `resources`): hostile markup is only ever read, never run.
 * Throws INVALID_INPUT for pages too complex to parse safely (see the limits above).
 */
export function extractArticleFromHtml(html: string, url?: string): ExtractedArticle {
  assertParseable(html);
  const dom = new JSDOM(html, {
    // Only used to resolve relative links inside Readability; a bad one is just left out.
    url: url && /^https?:\/\//i.test(url) && URL.canParse(url) ? url : undefined,
    // A fresh VirtualConsole prints nothing (jsdom complains about CSS it cannot parse).
    virtualConsole: new VirtualConsole(),
  });
  // No window.close(): with no scripts and no resources nothing is left running, and
  // jsdom 29's close() throws on some <iframe> placements.
  const document = dom.window.document;
  const article = readArticle(document);
  const text = (article?.content ? renderText(article.content) : "") || fallbackText(document);
  const title = clean(article?.title) ?? meta(document, "og:title", "twitter:title") ?? clean(document.title);
  const author = byline(clean(article?.byline) ?? meta(document, "author", "article:author", "dc.creator"));
  const publishedAt =
    clean(article?.publishedTime) ?? meta(document, "article:published_time", "datePublished", "date", "pubdate", "dc.date", "dcterms.date");
  const siteName = clean(article?.siteName) ?? meta(document, "og:site_name", "application-name");
  return {
    text,
    ...(title ? { title } : {}),
    ...(author ? { author } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(siteName ? { siteName } : {}),
  };
}

/** Readability on a pruned copy (it rewrites the tree it reads), keeping the article as a DOM node. */
function readArticle(document: Document) {
  // Cloning recurses: a tree deeper than the estimate allowed is not cloned at all.
  if (measureTree(document.documentElement).maxDepth > MAX_DEPTH) return null;
  const copy = document.cloneNode(true) as Document;
  for (const element of copy.querySelectorAll(NEVER_ARTICLE)) element.remove();
  const { maxDepth, depthSum } = measureTree(copy.documentElement);
  if (maxDepth > READABILITY_MAX_DEPTH || depthSum > READABILITY_MAX_DEPTH_SUM) return null;
  return new Readability<Node>(copy, { serializer: (node) => node }).parse();
}

/**
 * The page's body without its chrome, for pages where Readability finds nothing. A <form>
 * goes only when it holds no paragraph: ASP.NET-style sites wrap the whole page in one.
 */
function fallbackText(document: Document): string {
  const body = document.body;
  if (!body) return "";
  for (const element of body.querySelectorAll(PAGE_CHROME)) element.remove();
  for (const form of body.querySelectorAll("form")) if (!form.querySelector("p")) form.remove();
  return renderText(body);
}

/**
 * A linear scan of the tags that estimates the tree jsdom would build, refusing the
 * pathological ones before the parser meets them. It models what moves depth most: void
 * and self-closed elements, raw-text elements (script, style…) whose content is not
 * markup, end tags that close what is open (but not across a table cell, as the HTML
 * parser does not), elements whose end tag may be left out (p, li, td…), and <a>, which a
 * new <a> closes. An estimate: the real tree is measured again after parsing.
 */
function assertParseable(html: string): void {
  const stack: string[] = [];
  const open = new Map<string, number>();
  const push = (name: string) => {
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
  };
  const popTo = (length: number) => {
    while (stack.length > length) {
      const name = stack.pop()!;
      open.set(name, open.get(name)! - 1);
    }
  };
  const tag = /<(\/?)([A-Za-z][^\s/>]*)/y;
  let elements = 0;
  let tags = 0;
  let depthSum = 0;
  let nextGt = -1;

  for (let i = html.indexOf("<"); i !== -1; i = html.indexOf("<", i)) {
    if (html.startsWith("<!--", i)) {
      const end = html.indexOf("-->", i + 4);
      if (end === -1) return;
      i = end + 3;
      continue;
    }
    tag.lastIndex = i;
    const m = tag.exec(html);
    if (!m) {
      i++;
      continue;
    }
    // Remembered, so a text full of "<" without ">" is scanned once, not once per "<".
    if (nextGt < i) nextGt = html.indexOf(">", i);
    if (nextGt === -1) return;
    const name = m[2]!.toLowerCase();
    const selfClosed = html[nextGt - 1] === "/";
    i = nextGt + 1;
    if (++tags > MAX_TAGS) throw new AppError("INVALID_INPUT", TOO_COMPLEX);

    if (m[1] === "/") {
      if (/^(?:tr|tbody|thead|tfoot)$/.test(name)) {
        while (/^t[dh]$/.test(stack[stack.length - 1] ?? "")) popTo(stack.length - 1);
      } else if (open.get(name)) {
        const tableTag = /^(?:table|td|th|caption)$/.test(name);
        for (let k = stack.length - 1; k >= 0; k--) {
          if (stack[k] === name) {
            popTo(k);
            break;
          }
          if (!tableTag && /^(?:td|th|caption|table|template)$/.test(stack[k]!)) break;
        }
      }
      continue;
    }

    depthSum += stack.length + 1;
    if (++elements > MAX_ELEMENTS || depthSum > MAX_DEPTH_SUM) throw new AppError("INVALID_INPUT", TOO_COMPLEX);
    if (name === "plaintext") return;
    if (/^(?:script|style|textarea|title|xmp|iframe|noembed|noframes)$/.test(name)) {
      const close = new RegExp(`</${name}[\\s/>]`, "gi");
      close.lastIndex = i;
      const end = close.exec(html);
      if (!end) return;
      i = end.index;
      continue;
    }
    if (selfClosed || /^(?:area|base|basefont|bgsound|br|col|embed|frame|hr|image|img|input|keygen|link|meta|param|source|track|wbr)$/.test(name)) continue;
    if (/^(?:html|head|body|p|li|dt|dd|option|optgroup|tr|tbody|thead|tfoot|colgroup|rb|rp|rt|rtc)$/.test(name)) continue;
    if (name === "td" || name === "th") {
      while (/^t[dh]$/.test(stack[stack.length - 1] ?? "")) popTo(stack.length - 1);
    }
    if (name === "a" && open.get("a")) popTo(stack.lastIndexOf("a"));
    push(name);
    if (stack.length > MAX_DEPTH) throw new AppError("INVALID_INPUT", TOO_COMPLEX);
  }
}

/** Deepest element and sum of element depths, by an iterative walk (the tree may be deep). */
function measureTree(root: Element): { maxDepth: number; depthSum: number } {
  let maxDepth = 0;
  let depthSum = 0;
  const stack: [Element, number][] = [[root, 1]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [element, depth] = entry;
    maxDepth = Math.max(maxDepth, depth);
    depthSum += depth;
    // Sibling pointers: iterating jsdom's live `children` collection is quadratic.
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  return { maxDepth, depthSum };
}

/** One-line metadata: whitespace collapsed, empty → undefined. */
function clean(value: string | null | undefined): string | undefined {
  const text = value ? normalizeText(value).replace(/\s+/g, " ") : "";
  return text || undefined;
}

/** "By Ines Varga" → "Ines Varga"; an author given as a profile URL is no name. */
function byline(value: string | undefined): string | undefined {
  if (!value || /^https?:\/\//i.test(value)) return undefined;
  return value.replace(/^by\s+/i, "") || undefined;
}

/** The first non-empty <meta> among the given names (matched on name, property or itemprop), in the order given. */
function meta(document: Document, ...names: string[]): string | undefined {
  const wanted = names.map((n) => n.toLowerCase());
  const found = new Map<string, string>();
  for (const element of document.querySelectorAll("meta[content]")) {
    const content = clean(element.getAttribute("content"));
    if (!content) continue;
    for (const attribute of ["property", "name", "itemprop"]) {
      const key = element.getAttribute(attribute)?.trim().toLowerCase();
      if (key && wanted.includes(key) && !found.has(key)) found.set(key, content);
    }
  }
  return wanted.map((name) => found.get(name)).find(Boolean);
}

const isHidden = (element: Element) => element.hasAttribute("hidden") || element.getAttribute("aria-hidden") === "true";

/**
 * Visible text of a subtree with the layout a reader sees: blocks separated by a blank
 * line, list items and table rows on their own lines, table cells joined by " | ", <br> as
 * a line break (two in a row as a paragraph break, as old sites use them). Whitespace in
 * the markup collapses as a browser would, except inside <pre>. Never textContent of the
 * whole thing, which would glue paragraphs together and include script and style code.
 */
function renderText(root: Node): string {
  const parts: string[] = [];
  // Breaks are held back until text follows, so empty elements add no blank lines.
  let pending = 0;
  const write = (text: string) => {
    if (!text) return;
    if (pending > 0 && parts.length > 0) parts.push("\n".repeat(pending));
    pending = 0;
    parts.push(text);
  };

  // An explicit stack rather than recursion: hostile pages nest elements thousands deep.
  type Step = { node: Node; preformatted: boolean } | { closeLevel: number };
  const stack: Step[] = [{ node: root, preformatted: false }];
  for (let step = stack.pop(); step; step = stack.pop()) {
    if ("closeLevel" in step) {
      pending = Math.max(pending, step.closeLevel);
      continue;
    }
    const { node, preformatted } = step;
    if (node.nodeType === node.TEXT_NODE) {
      const data = (node as Text).data;
      write(preformatted ? data : data.replace(/[ \t\n\r\f]+/g, " "));
      continue;
    }
    if (node.nodeType !== node.ELEMENT_NODE) continue;
    const element = node as Element;
    const name = element.localName;
    if (SKIPPED.has(name) || isHidden(element)) continue;
    if (name === "br") {
      pending = Math.min(2, pending + 1);
      continue;
    }
    if ((name === "td" || name === "th") && element.previousElementSibling) write(" | ");
    const level = LINE_BLOCKS.has(name) ? 1 : PARAGRAPH_BLOCKS.has(name) ? 2 : 0;
    pending = Math.max(pending, level);
    stack.push({ closeLevel: level });
    // Last child first, so the first child is popped first.
    for (let child = element.lastChild; child; child = child.previousSibling) stack.push({ node: child, preformatted: preformatted || name === "pre" });
  }
  return normalizeText(parts.join(""));
}
