import dns from "node:dns";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/server/errors";
import { fetchUrl, isPublicAddress } from "./fetch-url";

/*
 * Every request in this file goes to servers started here on 127.0.0.1, or is refused
 * before any connection. DNS answers for invented names are stubbed, never asked for.
 */

describe("isPublicAddress", () => {
  it.each([
    // public
    ["8.8.8.8", true],
    ["93.184.215.14", true],
    ["172.32.0.1", true],
    ["100.128.0.1", true],
    ["2606:4700::1111", true],
    ["2a00:1450:4001:80b::200e", true],
    ["::ffff:8.8.8.8", true],
    ["64:ff9b::808:808", true],
    ["2002:808:808::1", true],
    // loopback, private, link-local, CGNAT, unique local
    ["127.0.0.1", false],
    ["127.255.255.254", false],
    ["10.1.2.3", false],
    ["172.16.0.1", false],
    ["172.31.255.255", false],
    ["192.168.1.1", false],
    ["169.254.169.254", false],
    ["100.64.0.1", false],
    ["100.127.255.255", false],
    ["::1", false],
    ["fc00::1", false],
    ["fd12:3456::1", false],
    ["fe80::1", false],
    ["fe80::1%eth0", false],
    ["febf::1", false],
    // unspecified, multicast, broadcast, documentation, reserved
    ["0.0.0.0", false],
    ["0.1.2.3", false],
    ["::", false],
    ["224.0.0.1", false],
    ["239.255.255.250", false],
    ["255.255.255.255", false],
    ["240.0.0.1", false],
    ["192.0.2.10", false],
    ["198.51.100.7", false],
    ["203.0.113.9", false],
    ["198.18.0.1", false],
    ["ff02::1", false],
    ["2001:db8::1", false],
    ["2001::1", false],
    ["3fff::1", false],
    ["100::1", false],
    // IPv4 inside IPv6
    ["::ffff:127.0.0.1", false],
    ["::ffff:7f00:1", false],
    ["::ffff:10.0.0.1", false],
    ["::ffff:169.254.169.254", false],
    ["64:ff9b::7f00:1", false],
    ["64:ff9b:1::1", false],
    ["2002:7f00:1::1", false],
    ["2002:c0a8:101::1", false],
    ["::127.0.0.1", false],
    // not addresses
    ["localhost", false],
    ["example.org", false],
    ["", false],
    ["127.1", false],
    ["[::1]", false],
  ])("%s → %s", (ip, expected) => {
    expect(isPublicAddress(ip)).toBe(expected);
  });
});

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const ARTICLE = "The flood barrier at Port Vell gave way shortly after four in the morning.";

const routes: Record<string, Handler> = {
  "/text": (_req, res) => res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" }).end(`${ARTICLE} Café.`),
  "/html": (_req, res) => res.writeHead(200, { "Content-Type": "text/html" }).end(`<html><body><p>${ARTICLE} Café.</p></body></html>`),
  "/latin1": (_req, res) =>
    res.writeHead(200, { "Content-Type": "text/plain; charset=ISO-8859-1" }).end(Buffer.from("Caf\xe9 \x93quoted\x94", "latin1")),
  "/meta-1252": (_req, res) =>
    res.writeHead(200, { "Content-Type": "text/html" }).end(Buffer.from('<meta charset="windows-1252"><p>Caf\xe9</p>', "latin1")),
  "/shift-jis": (_req, res) => res.writeHead(200, { "Content-Type": "text/plain; charset=Shift_JIS" }).end("abc"),
  "/gzip": (_req, res) => res.writeHead(200, { "Content-Type": "text/plain", "Content-Encoding": "gzip" }).end(gzipSync(ARTICLE)),
  "/gzip-bomb": (_req, res) =>
    res.writeHead(200, { "Content-Type": "text/plain", "Content-Encoding": "gzip" }).end(gzipSync(Buffer.alloc(6 * 1024 * 1024, "a"))),
  "/compress": (_req, res) => res.writeHead(200, { "Content-Type": "text/plain", "Content-Encoding": "compress" }).end("x"),
  "/big": (_req, res) => res.writeHead(200, { "Content-Type": "text/plain" }).end("a".repeat(2000)),
  "/big-chunked": (_req, res) => {
    res.writeHead(200, { "Content-Type": "text/plain" });
    for (let i = 0; i < 20; i++) res.write("a".repeat(100));
    res.end();
  },
  "/pdf": (_req, res) => res.writeHead(200, { "Content-Type": "application/pdf" }).end("%PDF-1.7"),
  "/png": (_req, res) => res.writeHead(200, { "Content-Type": "image/png" }).end("\x89PNG"),
  "/untyped": (_req, res) => res.writeHead(200).end(ARTICLE),
  "/missing": (_req, res) => res.writeHead(404).end("gone"),
  "/broken": (_req, res) => res.writeHead(500).end("oops"),
  "/slow": () => {
    // Never answers; the client's deadline must end it.
  },
  "/slow-body": (_req, res) => {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.write("The beginning of a page that never ends");
  },
  "/to-text": (_req, res) => res.writeHead(301, { Location: "/text" }).end(),
  "/to-zero": (req, res) => res.writeHead(302, { Location: `http://0.0.0.0:${port(req)}/text` }).end(),
  "/to-multicast": (_req, res) => res.writeHead(302, { Location: "http://[ff02::1]/text" }).end(),
  "/to-file": (_req, res) => res.writeHead(302, { Location: "file:///etc/passwd" }).end(),
  "/to-ftp": (_req, res) => res.writeHead(302, { Location: "ftp://127.0.0.1/article.txt" }).end(),
};

const port = (req: IncomingMessage) => (req.socket.address() as AddressInfo).port;

let server: Server;
let origin = "";
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? "/";
    hits.push(path);
    // /hops/N redirects N times (relative Locations), then lands on /text.
    const hops = /^\/hops\/(\d+)$/.exec(path);
    if (hops) {
      const n = Number(hops[1]);
      res.writeHead(302, { Location: n > 1 ? `/hops/${n - 1}` : "/text" }).end();
      return;
    }
    const route = routes[path];
    if (route) route(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterEach(() => {
  hits.length = 0;
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const local = { allowPrivate: true };

/** The AppError a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("fetchUrl: pages", () => {
  it("fetches plain text", async () => {
    await expect(fetchUrl(`${origin}/text`, local)).resolves.toEqual({
      finalUrl: `${origin}/text`,
      contentType: "text/plain",
      body: `${ARTICLE} Café.`,
    });
  });

  it("fetches HTML (a missing charset means UTF-8)", async () => {
    const page = await fetchUrl(`${origin}/html`, local);
    expect(page.contentType).toBe("text/html");
    expect(page.body).toContain(`${ARTICLE} Café.`);
  });

  it("decodes latin1 from the Content-Type, and windows-1252 from a <meta charset>", async () => {
    expect((await fetchUrl(`${origin}/latin1`, local)).body).toBe("Café “quoted”");
    expect((await fetchUrl(`${origin}/meta-1252`, local)).body).toContain("<p>Café</p>");
  });

  it("refuses other character sets with a clear message", async () => {
    const error = await failure(fetchUrl(`${origin}/shift-jis`, local));
    expect(error.message).toMatch(/Shift_JIS character set/);
    expect(error.fieldErrors?.url).toBe(error.message);
  });

  it("decompresses gzip, and refuses unknown encodings", async () => {
    expect((await fetchUrl(`${origin}/gzip`, local)).body).toBe(ARTICLE);
    expect((await failure(fetchUrl(`${origin}/compress`, local))).message).toMatch(/compressed as “compress”/);
  });

  it("trims the address the editor pasted", async () => {
    expect((await fetchUrl(`  ${origin}/text \n`, local)).finalUrl).toBe(`${origin}/text`);
  });
});

describe("fetchUrl: redirects", () => {
  it("follows a redirect and reports the final address", async () => {
    expect((await fetchUrl(`${origin}/to-text`, local)).finalUrl).toBe(`${origin}/text`);
  });

  it("follows 5 redirects", async () => {
    const page = await fetchUrl(`${origin}/hops/5`, local);
    expect(page.body).toContain(ARTICLE);
    expect(hits).toEqual(["/hops/5", "/hops/4", "/hops/3", "/hops/2", "/hops/1", "/text"]);
  });

  it("refuses a 6th redirect without following it", async () => {
    const error = await failure(fetchUrl(`${origin}/hops/6`, local));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(/redirects more than 5 times/);
    expect(hits).not.toContain("/text");
  });

  it.each([
    ["0.0.0.0 (which reaches the server itself on Linux)", "/to-zero", /redirects to 0\.0\.0\.0, which is a private, local or reserved/],
    ["a multicast address", "/to-multicast", /redirects to ff02::1, which is a private, local or reserved/],
    ["file://", "/to-file", /redirects to a file: address: Parallax only fetches http/],
    ["ftp://", "/to-ftp", /redirects to a ftp: address/],
  ])("re-checks every hop: a redirect to %s is refused even though the first hop was allowed", async (_name, path, message) => {
    const error = await failure(fetchUrl(`${origin}${path}`, local));
    expect(error.message).toMatch(message);
    expect(hits).toEqual([path]);
  });
});

describe("fetchUrl: refused addresses", () => {
  it("refuses loopback without allowPrivate, before connecting", async () => {
    const error = await failure(fetchUrl(`${origin}/text`));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(
      "127.0.0.1 is a private, local or reserved network address. Parallax only fetches pages from the public internet.",
    );
    expect(error.fieldErrors).toEqual({ url: error.message });
    expect(hits).toEqual([]);
  });

  it("takes allowPrivate from PARALLAX_ALLOW_PRIVATE_URLS when not given", async () => {
    vi.stubEnv("PARALLAX_ALLOW_PRIVATE_URLS", "true");
    expect((await fetchUrl(`${origin}/text`)).body).toContain(ARTICLE);
    vi.stubEnv("PARALLAX_ALLOW_PRIVATE_URLS", "false");
    await failure(fetchUrl(`${origin}/text`));
    expect(hits).toEqual(["/text"]);
  });

  // Only loopback forms here: were the check broken, nothing else may be contacted. The
  // other ranges go through the same check, and are covered by the isPublicAddress table.
  it.each([
    ["localhost", "http://localhost/"],
    ["a .localhost name", "http://news.localhost./"],
    ["a decimal loopback address", "http://2130706433/"],
    ["a short loopback address", "http://127.1/"],
    ["IPv6 loopback", "http://[::1]/"],
    ["IPv4-mapped loopback", "http://[::ffff:127.0.0.1]/"],
    ["the unspecified address", "http://0.0.0.0/"],
  ])("refuses %s", async (_name, url) => {
    expect((await failure(fetchUrl(url))).message).toMatch(/private, local or reserved network address/);
    expect(hits).toEqual([]);
  });

  it.each([
    ["ftp://", "ftp://127.0.0.1/article.txt", /ftp: addresses are not supported: Parallax only fetches http:\/\/ and https:\/\//],
    ["file://", "file:///etc/passwd", /file: addresses are not supported/],
    ["javascript:", "javascript:alert(1)", /javascript: addresses are not supported/],
    ["not an address", "news.example/article", /not a web address/],
    ["credentials", "http://user:secret@127.0.0.1/", /user name or password/],
  ])("refuses %s", async (_name, url, message) => {
    expect((await failure(fetchUrl(url, local))).message).toMatch(message);
  });

  describe("checks the resolved addresses when connecting (DNS rebinding)", () => {
    const resolveTo = (...addresses: string[]) =>
      vi.spyOn(dns, "lookup").mockImplementation(((_host: string, _options: unknown, callback: (e: null, a: dns.LookupAddress[]) => void) => {
        callback(null, addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })));
      }) as unknown as typeof dns.lookup);

    it("refuses a name that resolves to loopback, without connecting", async () => {
      const lookup = resolveTo("127.0.0.1");
      const port = new URL(origin).port;
      const error = await failure(fetchUrl(`http://news.example:${port}/text`));
      expect(error.message).toBe(
        "news.example (127.0.0.1) is a private, local or reserved network address. Parallax only fetches pages from the public internet.",
      );
      expect(lookup).toHaveBeenCalledWith("news.example", expect.anything(), expect.any(Function));
      expect(hits).toEqual([]);
    });

    it("refuses a name when any of its addresses is refused", async () => {
      // With allowPrivate, 127.0.0.1 passes and 0.0.0.0 does not: checking only the first
      // address would reach the test server.
      resolveTo("127.0.0.1", "0.0.0.0");
      const port = new URL(origin).port;
      expect((await failure(fetchUrl(`http://mixed.example:${port}/text`, local))).message).toMatch(/mixed\.example \(0\.0\.0\.0\)/);
      expect(hits).toEqual([]);
    });

    it("connects to the address the check saw (allowed with allowPrivate)", async () => {
      resolveTo("127.0.0.1");
      const port = new URL(origin).port;
      const page = await fetchUrl(`http://news.example:${port}/text`, local);
      expect(page.finalUrl).toBe(`http://news.example:${port}/text`);
      expect(hits).toEqual(["/text"]);
    });

    it("reports a name that does not resolve", async () => {
      vi.spyOn(dns, "lookup").mockImplementation(((_host: string, _options: unknown, callback: (e: Error) => void) => {
        callback(Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" }));
      }) as unknown as typeof dns.lookup);
      const error = await failure(fetchUrl("https://no-such-host.example/"));
      expect(error.message).toBe("No web server was found at no-such-host.example. Check the address.");
    });
  });
});

describe("fetchUrl: limits and bad answers", () => {
  it("gives up when the server does not answer in time", async () => {
    const started = Date.now();
    const error = await failure(fetchUrl(`${origin}/slow`, { ...local, timeoutMs: 200 }));
    expect(error.code).toBe("UNAVAILABLE");
    expect(error.message).toBe("The page did not answer within 0.2 seconds. Check the address or try again later.");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("the deadline covers reading the body too", async () => {
    const error = await failure(fetchUrl(`${origin}/slow-body`, { ...local, timeoutMs: 300 }));
    expect(error.message).toMatch(/did not answer within 0\.3 seconds/);
  });

  it("says 10 seconds by default", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const pending = failure(fetchUrl(`${origin}/slow`, local));
      await vi.waitFor(() => expect(hits).toEqual(["/slow"]));
      await vi.advanceTimersByTimeAsync(10_000);
      expect((await pending).message).toMatch(/did not answer within 10 seconds/);
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    ["declared by Content-Length", "/big"],
    ["sent in chunks", "/big-chunked"],
  ])("stops reading past the size limit (%s)", async (_name, path) => {
    const error = await failure(fetchUrl(`${origin}${path}`, { ...local, maxBytes: 1000 }));
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(error.message).toBe("The page is larger than 1000 bytes, the most Parallax reads. Paste the article's text instead.");
  });

  it("applies the 5 MB limit to the decompressed body", async () => {
    const error = await failure(fetchUrl(`${origin}/gzip-bomb`, local));
    expect(error.message).toMatch(/larger than 5 MB/);
  });

  it.each([
    ["application/pdf", "/pdf", /The address is application\/pdf, not a web page/],
    ["image/png", "/png", /The address is image\/png, not a web page/],
    ["no Content-Type", "/untyped", /does not say what kind of content it is/],
  ])("refuses %s content", async (_name, path, message) => {
    const error = await failure(fetchUrl(`${origin}${path}`, local));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(message);
  });

  it("reports HTTP errors with their status", async () => {
    const missing = await failure(fetchUrl(`${origin}/missing`, local));
    expect(missing.code).toBe("INVALID_INPUT");
    expect(missing.message).toBe("The page answered 404 Not Found. Check the address, or paste the article's text.");
    const broken = await failure(fetchUrl(`${origin}/broken`, local));
    expect(broken.code).toBe("UNAVAILABLE");
    expect(broken.message).toMatch(/^The page answered 500 Internal Server Error: the site has a problem/);
  });

  it("reports a server that is not there", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(fetchUrl(`http://127.0.0.1:${port}/`, local));
    expect(error.code).toBe("UNAVAILABLE");
    expect(error.message).toBe("Could not reach 127.0.0.1 (ECONNREFUSED). Check the address or try again later.");
  });
});
