import "server-only";
import dns from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import net, { type LookupFunction } from "node:net";
import { pipeline, type Readable } from "node:stream";
import zlib from "node:zlib";
import { AppError, type ErrorCode } from "@/lib/server/errors";

export const FETCH_TIMEOUT_MS = 10_000;
export const MAX_FETCH_BYTES = 5_242_880;
export const MAX_REDIRECTS = 5;

export interface FetchOptions {
  /** For the whole exchange: every redirect, and reading the body. */
  timeoutMs?: number;
  /** Decoded (decompressed) body size limit. */
  maxBytes?: number;
  /**
   * Allow loopback, private and link-local addresses. Defaults to the environment setting
   * PARALLAX_ALLOW_PRIVATE_URLS=true, which exists for tests and local demos only (serving
   * a fixture page from 127.0.0.1); never set it on a server others can reach, or anyone who
   * may import a source can make the server read its internal network.
   */
  allowPrivate?: boolean;
}

export interface FetchedPage {
  /** The address after redirects. */
  finalUrl: string;
  contentType: "text/html" | "text/plain";
  body: string;
}

const fail = (code: ErrorCode, message: string) => new AppError(code, message, { url: message });

// ---------------------------------------------------------------------------------------
// Which addresses may be fetched

/**
 * public: reachable on the internet. private: loopback, RFC 1918, link-local, CGNAT, unique
 * local: the server's own network, allowed only with allowPrivate. reserved: unspecified,
 * multicast, broadcast, documentation and other special ranges: never a web page, and
 * never allowed (0.0.0.0 would even reach the server itself on Linux).
 */
type AddressKind = "public" | "private" | "reserved";

const IPV4_RANGES: [string, number, AddressKind][] = [
  ["0.0.0.0", 8, "reserved"],
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "private"],
  ["127.0.0.0", 8, "private"],
  ["169.254.0.0", 16, "private"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "reserved"],
  ["192.0.2.0", 24, "reserved"],
  ["192.88.99.0", 24, "reserved"],
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "reserved"],
  ["198.51.100.0", 24, "reserved"],
  ["203.0.113.0", 24, "reserved"],
  ["224.0.0.0", 4, "reserved"],
  ["240.0.0.0", 4, "reserved"],
];

function ipv4Number(ip: string): number {
  return ip.split(".").reduce((n, octet) => n * 256 + Number(octet), 0);
}

function classifyIPv4(ip: string): AddressKind {
  const n = ipv4Number(ip);
  for (const [base, bits, kind] of IPV4_RANGES) {
    const size = 2 ** (32 - bits);
    if (Math.floor(n / size) === Math.floor(ipv4Number(base) / size)) return kind;
  }
  return "public";
}

/** The eight 16-bit groups of a valid IPv6 address (zone id dropped). */
function ipv6Groups(ip: string): number[] {
  let address = ip.split("%")[0]!;
  const tail: number[] = [];
  const lastColon = address.lastIndexOf(":");
  if (address.includes(".")) {
    const v4 = ipv4Number(address.slice(lastColon + 1));
    tail.push(Math.floor(v4 / 65536), v4 % 65536);
    address = address.slice(0, address.endsWith("::", lastColon + 1) ? lastColon + 1 : lastColon);
  }
  const [left = "", right] = address.split("::");
  const parse = (part: string) => (part ? part.split(":").map((h) => parseInt(h, 16)) : []);
  const head = parse(left);
  const rest = [...parse(right ?? ""), ...tail];
  return right === undefined ? [...head, ...tail] : [...head, ...Array<number>(8 - head.length - rest.length).fill(0), ...rest];
}

function classifyIPv6(ip: string): AddressKind {
  const g = ipv6Groups(ip);
  const embeddedV4 = (hi: number, lo: number) => classifyIPv4(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) reach the IPv4 address inside.
  if (zeros(0, 5) && g[5] === 0xffff) return embeddedV4(g[6]!, g[7]!);
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return embeddedV4(g[6]!, g[7]!);
  if (zeros(0, 7) && g[7] === 1) return "private"; // ::1
  if (zeros(0, 6)) return "reserved"; // :: and the deprecated IPv4-compatible ::a.b.c.d
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return "private"; // local-use NAT64
  if ((g[0]! & 0xfe00) === 0xfc00 || (g[0]! & 0xffc0) === 0xfe80 || (g[0]! & 0xffc0) === 0xfec0) return "private";
  if (g[0] === 0x2002) return embeddedV4(g[1]!, g[2]!); // 6to4 carries an IPv4 address
  // IETF protocol assignments (Teredo, benchmarking…), documentation (2001:db8::/32, 3fff::/20).
  if ((g[0] === 0x2001 && g[1]! < 0x200) || (g[0] === 0x2001 && g[1] === 0xdb8) || (g[0]! & 0xfff0) === 0x3ff0) return "reserved";
  // Only global unicast (2000::/3) is public; that also excludes multicast ff00::/8.
  return (g[0]! & 0xe000) === 0x2000 ? "public" : "reserved";
}

function classifyAddress(ip: string): AddressKind {
  const address = ip.replace(/^\[|\]$/g, "");
  if (net.isIPv4(address)) return classifyIPv4(address);
  if (net.isIPv6(address)) return classifyIPv6(address);
  return "reserved";
}

/** True for an IP address on the public internet; false for local, private, special or malformed ones. */
export function isPublicAddress(ip: string): boolean {
  return classifyAddress(ip) === "public";
}

const allowed = (address: string, allowPrivate: boolean) => {
  const kind = classifyAddress(address);
  return kind === "public" || (kind === "private" && allowPrivate);
};

function refusedAddress(host: string, address: string, redirected: boolean): AppError {
  const where = host === address ? address : `${host} (${address})`;
  const lead = redirected ? `The page redirects to ${where}, which is` : `${where} is`;
  return fail("INVALID_INPUT", `${lead} a private, local or reserved network address. Parallax only fetches pages from the public internet.`);
}

/**
 * Resolves names for node:http and refuses when any address is not allowed. It runs when
 * the socket connects, so the address checked is the address used: a name whose DNS
 * answer changes between a check and the connection (DNS rebinding) cannot slip through.
 */
function guardedLookup(allowPrivate: boolean, redirected: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { family: options.family, hints: options.hints, all: true }, (error, addresses) => {
      if (error) return callback(error, "");
      const refused = addresses.find((a) => !allowed(a.address, allowPrivate));
      if (refused) return callback(refusedAddress(hostname, refused.address, redirected), "");
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** What can be refused from the address alone: scheme, credentials, IP literals, localhost names. */
function checkTarget(target: URL, allowPrivate: boolean, redirected: boolean): void {
  if (target.protocol !== "http:" && target.protocol !== "https:") {
    const lead = redirected ? `The page redirects to a ${target.protocol} address` : `${target.protocol} addresses are not supported`;
    throw fail("INVALID_INPUT", `${lead}: Parallax only fetches http:// and https:// pages.`);
  }
  if (target.username || target.password) {
    throw fail("INVALID_INPUT", "Addresses with a user name or password are not supported. Use the article's public address.");
  }
  const host = target.hostname.replace(/^\[|\]$/g, "");
  // net.connect skips the lookup for IP literals, so they are checked here.
  if (net.isIP(host) && !allowed(host, allowPrivate)) throw refusedAddress(host, host, redirected);
  if (!allowPrivate && /(?:^|\.)localhost\.?$/i.test(host)) throw refusedAddress(host, "loopback", redirected);
}

// ---------------------------------------------------------------------------------------
// Fetching

/**
 * Fetches one web page for import: http/https only, public addresses only (checked for
 * every redirect and at connect time), at most 5 redirects, one deadline for everything,
 * a size cap on the decoded body, text/html or text/plain only, decoded to a string
 * (UTF-8, or windows-1252 when the page says latin1/windows-1252).
 */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_FETCH_BYTES;
  const allowPrivate = options.allowPrivate ?? process.env.PARALLAX_ALLOW_PRIVATE_URLS === "true";

  let target: URL;
  try {
    target = new URL(url.trim());
  } catch {
    throw fail("INVALID_INPUT", "That is not a web address. Enter the article's full address, starting with https://.");
  }

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    for (let redirects = 0; ; redirects++) {
      checkTarget(target, allowPrivate, redirects > 0);
      const response = await send(target, controller.signal, guardedLookup(allowPrivate, redirects > 0));
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if ([301, 302, 303, 307, 308].includes(status) && location) {
        response.destroy();
        if (redirects === MAX_REDIRECTS) {
          throw fail("INVALID_INPUT", `The page redirects more than ${MAX_REDIRECTS} times. Open it in a browser and use the address it ends at.`);
        }
        try {
          target = new URL(location, target);
        } catch {
          throw fail("UNAVAILABLE", "The page redirects to an address that is not valid. Open it in a browser and use the address it ends at.");
        }
        continue;
      }
      if (status < 200 || status > 299) {
        response.destroy();
        throw httpError(status);
      }
      const { type, charset } = contentType(response);
      const bytes = await readBody(response, maxBytes);
      return { finalUrl: target.href, contentType: type, body: decodeBody(bytes, type, charset) };
    }
  } catch (error) {
    throw toAppError(error, controller.signal.aborted, timeoutMs, target.hostname);
  } finally {
    clearTimeout(timer);
  }
}

function send(target: URL, signal: AbortSignal, lookup: LookupFunction): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = (target.protocol === "https:" ? https : http).request(target, {
      method: "GET",
      headers: {
        "User-Agent": "Mozilla/5.0 (compatible; Parallax article import)",
        Accept: "text/html, text/plain;q=0.9, */*;q=0.1",
        "Accept-Encoding": "gzip, deflate, br",
      },
      // No shared agent: a pooled keep-alive socket would skip the lookup, and with it the check.
      agent: false,
      lookup,
      signal,
    });
    request.on("response", resolve);
    request.on("error", reject);
    request.end();
  });
}

function httpError(status: number): AppError {
  const answer = `The page answered ${status} ${http.STATUS_CODES[status] ?? ""}`.trimEnd();
  return status >= 500
    ? fail("UNAVAILABLE", `${answer}: the site has a problem. Try again later, or paste the article's text.`)
    : fail("INVALID_INPUT", `${answer}. Check the address, or paste the article's text.`);
}

function contentType(response: IncomingMessage): { type: FetchedPage["contentType"]; charset?: string } {
  const header = response.headers["content-type"];
  const [mediaType = "", ...params] = (header ?? "").split(";");
  const type = mediaType.trim().toLowerCase();
  if (type !== "text/html" && type !== "text/plain") {
    response.destroy();
    const received = type ? `is ${type}` : "does not say what kind of content it is";
    throw fail("INVALID_INPUT", `The address ${received}, not a web page: Parallax reads text/html and text/plain pages. Link to the article's web page, or paste its text.`);
  }
  const charset = params
    .map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p)?.[1])
    .find(Boolean);
  return { type, ...(charset ? { charset } : {}) };
}

function formatLimit(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
  return bytes >= 1024 ? `${+(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;
}

/** Reads the body, decompressing it, and stops as soon as the decoded size passes the limit. */
async function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () =>
    fail("PAYLOAD_TOO_LARGE", `The page is larger than ${formatLimit(maxBytes)}, the most Parallax reads. Paste the article's text instead.`);
  const encoding = (response.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  const decoders: Record<string, () => zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress> = {
    gzip: zlib.createGunzip,
    "x-gzip": zlib.createGunzip,
    deflate: zlib.createInflate,
    br: zlib.createBrotliDecompress,
  };
  let stream: Readable = response;
  if (encoding !== "identity" && encoding !== "") {
    const decoder = decoders[encoding];
    if (!decoder) {
      response.destroy();
      throw fail("UNAVAILABLE", `The page is compressed as “${encoding}”, which Parallax cannot read. Paste the article's text instead.`);
    }
    // A small compressed body can expand enormously: the limit applies to what comes out.
    stream = pipeline(response, decoder(), () => {});
  } else if (Number(response.headers["content-length"]) > maxBytes) {
    response.destroy();
    throw tooLarge();
  }

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      stream.destroy();
      response.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Labels browsers treat as windows-1252 (WHATWG Encoding), and those of UTF-8. */
const WINDOWS_1252 = /^(?:windows-1252|cp1252|x-cp1252|iso-8859-1|iso8859-1|iso_8859-1|iso-ir-100|latin1|l1|cp819|ibm819|us-ascii|ascii|ansi_x3\.4-1968)$/i;
const UTF_8 = /^(?:utf-?8|unicode-1-1-utf-8)$/i;

/**
 * The charset from the Content-Type header, else (HTML) from a <meta> in the first 1024
 * bytes, else UTF-8. Invalid bytes become U+FFFD rather than refusing the page: unlike an
 * uploaded file, the editor cannot re-save someone else's web page.
 */
function decodeBody(bytes: Buffer, type: FetchedPage["contentType"], headerCharset: string | undefined): string {
  const sniffed = type === "text/html" ? /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(bytes.subarray(0, 1024).toString("latin1"))?.[1] : undefined;
  const charset = headerCharset ?? sniffed ?? "utf-8";
  if (UTF_8.test(charset)) return new TextDecoder("utf-8").decode(bytes);
  if (WINDOWS_1252.test(charset)) return decodeWindows1252(bytes);
  throw fail("INVALID_INPUT", `The page is written in the ${charset} character set, which Parallax cannot read. Paste the article's text instead.`);
}

/**
 * windows-1252 by hand: Node 20's TextDecoder("windows-1252") decodes 0x80–0x9F as C1
 * controls (ISO-8859-1), which loses the curly quotes and dashes these pages are full of.
 * The five bytes windows-1252 leaves undefined keep their C1 meaning, as in WHATWG.
 */
const CP1252_HIGH = "€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ";

function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString("latin1").replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function toAppError(error: unknown, timedOut: boolean, timeoutMs: number, host: string): AppError {
  if (error instanceof AppError) return error;
  if (timedOut) {
    const seconds = timeoutMs / 1000;
    return fail("UNAVAILABLE", `The page did not answer within ${seconds} ${seconds === 1 ? "second" : "seconds"}. Check the address or try again later.`);
  }
  const code = (error as NodeJS.ErrnoException).code ?? "";
  if (code === "ENOTFOUND") return fail("INVALID_INPUT", `No web server was found at ${host}. Check the address.`);
  if (/CERT|SSL|TLS/.test(code)) return fail("UNAVAILABLE", `The secure connection to ${host} failed (${code}): its certificate could not be verified.`);
  return fail("UNAVAILABLE", `Could not reach ${host}${code ? ` (${code})` : ""}. Check the address or try again later.`);
}
