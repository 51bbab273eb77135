import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { API_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "@/lib/domain/security-headers";
import type { SessionUser } from "@/lib/server/auth/session";
import { authenticateBearer, DEFAULT_MAX_BODY_BYTES, readJson, replyFor, type HeaderReader } from "@/lib/server/http";

/**
 * The slot on which the annotations route puts the create that scripts/serve.mjs answers
 * itself, without Next's request pipeline (see serve.mjs for which requests, and for what
 * the pipeline gave them). The route publishes it when Next loads the route, so the handler
 * runs in the route's bundle with its modules: the database client, the realtime bus and
 * the kept revision texts are the ones Next's requests use.
 */
const SLOT = Symbol.for("parallax.directCreate");

/** Set on the direct path's answers only, so a test (or an operator) can tell which path answered. */
export const DIRECT_PATH_HEADER = "X-Parallax-Direct";

type Create = (user: SessionUser, comparisonId: string, body: unknown) => Promise<unknown>;
type Serve = (req: IncomingMessage, res: ServerResponse, comparisonId: string) => Promise<void>;

/** Called by the route with the create its POST runs, once per evaluation of the route module. */
export function publishDirectCreate(create: Create): void {
  (globalThis as Record<symbol, Serve>)[SLOT] = (req, res, comparisonId) => serve(create, req, res, comparisonId);
}

/**
 * What withUser does for a token request, over Node's request and response: the token
 * check, the size-limited JSON reader, then the create; an error is answered with the same
 * status, headers and body as Next's path answers it.
 */
async function serve(create: Create, req: IncomingMessage, res: ServerResponse, comparisonId: string): Promise<void> {
  let status = 201;
  let extra = {};
  let body: unknown;
  try {
    const user = await authenticateBearer(req.headers.authorization ?? "");
    // Not destroyed when the reader stops at the limit: that would close the socket before the 413.
    const json = await readJson(headersOf(req), req.iterator({ destroyOnReturn: false }), DEFAULT_MAX_BODY_BYTES);
    body = await create(user, comparisonId, json);
  } catch (error) {
    ({ status, headers: extra, body } = replyFor(error));
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...Object.fromEntries(SECURITY_HEADERS.map(({ key, value }) => [key, value])),
    "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
    ...extra,
    "Content-Type": "application/json",
    "Content-Length": String(Buffer.byteLength(text)),
    [DIRECT_PATH_HEADER]: "1",
  });
  res.end(text);
  // What Node does with a body no handler read: the rest is read and dropped, so the connection
  // stays usable. Node does not do it here because the reader above started and stopped at the limit.
  if (!req.complete) req.resume();
}

function headersOf(req: IncomingMessage): HeaderReader {
  return {
    get(name) {
      const value = req.headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
  };
}
