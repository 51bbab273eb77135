import "server-only";
import { NextResponse } from "next/server";
import { getSessionUser, type SessionUser } from "@/lib/server/auth/session";
import { logDatabaseUnavailable, toAppError } from "@/lib/server/db/errors";
import { AppError, DATABASE_RETRY_AFTER_SECONDS } from "@/lib/server/errors";
import { authenticateApiToken } from "@/lib/server/services/api-tokens/authenticate-api-token";

export interface ErrorBody {
  error: { code: string; message: string; fieldErrors?: Record<string, string> };
  current?: unknown;
}

/** The error body and status; 401 names the scheme to use, a database outage when to come back. */
export function errorResponse(error: AppError): NextResponse<ErrorBody> {
  const headers = new Headers();
  if (error.code === "UNAUTHENTICATED") headers.set("WWW-Authenticate", 'Bearer realm="parallax"');
  if (error.code === "DATABASE_UNAVAILABLE") {
    logDatabaseUnavailable(error);
    headers.set("Retry-After", String(DATABASE_RETRY_AFTER_SECONDS));
  }
  return NextResponse.json(
    { error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors }, current: error.current },
    { status: error.status, headers },
  );
}

/** Unexpected errors are logged with their stack and shown to the client as one calm sentence. */
export function unexpectedErrorResponse(error: unknown): NextResponse<ErrorBody> {
  console.error(error);
  return NextResponse.json(
    { error: { code: "INTERNAL", message: "Something went wrong on our side. Try again in a moment." } },
    { status: 500 },
  );
}

/** The default cap on a JSON body: far above any annotation, far below what could hurt a small server. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** What a wrapped handler receives besides the request and Next's own context. */
export interface ApiContext {
  /** The caller: from the session cookie, or from the personal API token they sent. */
  user: SessionUser;
  query: URLSearchParams;
  /** The body parsed as JSON, size-checked; read once, however often it is called. */
  json(): Promise<unknown>;
}

/** Next's context of a route with dynamic segments, e.g. `RouteParams<{ comparisonId: string }>`. */
export type RouteParams<P> = { params: Promise<P> };

export interface WithUserOptions {
  maxBodyBytes?: number;
}

type Handler<C> = (req: Request, ctx: C & ApiContext) => Promise<Response>;

/**
 * Wraps a JSON route handler: authenticates the caller, hands it a size-limited JSON
 * reader, and maps AppError (and a database outage, as 503) to its status and error body.
 * `C` is the context Next passes
 * (`RouteParams<…>` for dynamic routes); it reaches the handler unchanged.
 */
export function withUser<C>(handler: Handler<C>, { maxBodyBytes = DEFAULT_MAX_BODY_BYTES }: WithUserOptions = {}) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      const user = await authenticate(req);
      let body: Promise<unknown> | undefined;
      return await handler(req, {
        ...ctx,
        user,
        query: new URL(req.url).searchParams,
        json: () => (body ??= readJson(req, maxBodyBytes)),
      });
    } catch (error) {
      const known = toAppError(error);
      return known ? errorResponse(known) : unexpectedErrorResponse(error);
    }
  };
}

/**
 * A request that sends Authorization is judged by it alone: a wrong or revoked token is
 * refused even when a session cookie is present too, so a script never silently acts as
 * whoever is signed in in the same browser.
 */
async function authenticate(req: Request): Promise<SessionUser> {
  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    if (!bearer) {
      throw new AppError("UNAUTHENTICATED", "The Authorization header must be “Bearer ” followed by a personal API token (plx_…).");
    }
    const user = await authenticateApiToken(bearer);
    if (!user) {
      throw new AppError("UNAUTHENTICATED", "This API token is not valid or has been revoked. Create a new one on your profile page.");
    }
    return user;
  }
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in, or send a personal API token as “Authorization: Bearer plx_…”.");
  return user;
}

function tooLarge(limit: number): AppError {
  const size = limit % (1024 * 1024) === 0 ? `${limit / (1024 * 1024)} MB` : `${limit.toLocaleString("en")} bytes`;
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than the ${size} this endpoint accepts. Send less at a time.`);
}

/**
 * Reads and parses a JSON body. Content-Length is checked first, then the bytes actually
 * read, since a client can omit or misstate it (chunked uploads); reading stops at the limit
 * instead of buffering whatever arrives. A JSON content type is required: besides catching
 * a forgotten header early, it keeps plain HTML forms on other sites (which cannot send it)
 * from posting with a visitor's cookie.
 */
async function readJson(req: Request, limit: number): Promise<unknown> {
  const declared = Number(req.headers.get("content-length"));
  if (declared > limit) throw tooLarge(limit);
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type !== "application/json" && !type.endsWith("+json")) {
    throw new AppError("INVALID_INPUT", "Send the body as JSON, with the header “Content-Type: application/json”.");
  }
  const bytes = await readBytes(req, limit);
  if (bytes.length === 0) throw new AppError("INVALID_INPUT", "The request body is empty; send a JSON object.");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("INVALID_INPUT", "The request body is not valid JSON: it is not UTF-8 text.");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError("INVALID_INPUT", `The request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function readBytes(req: Request, limit: number): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
