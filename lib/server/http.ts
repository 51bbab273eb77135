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

/** An error answer as plain data, for Next's response and for the create serve.mjs answers itself. */
export interface ErrorReply {
  status: number;
  headers: Record<string, string>;
  body: ErrorBody;
}

/** The error body and status; 401 names the scheme to use, a database outage when to come back. */
export function errorReply(error: AppError): ErrorReply {
  const headers: Record<string, string> = {};
  if (error.code === "UNAUTHENTICATED") headers["WWW-Authenticate"] = 'Bearer realm="parallax"';
  if (error.code === "DATABASE_UNAVAILABLE") {
    logDatabaseUnavailable(error);
    headers["Retry-After"] = String(DATABASE_RETRY_AFTER_SECONDS);
  }
  return { status: error.status, headers, body: { error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors }, current: error.current } };
}

/** Unexpected errors are logged with their stack and shown to the client as one calm sentence. */
export function unexpectedErrorReply(error: unknown): ErrorReply {
  console.error(error);
  return { status: 500, headers: {}, body: { error: { code: "INTERNAL", message: "Something went wrong on our side. Try again in a moment." } } };
}

/** The reply for anything a handler threw: its AppError (a database outage as 503), or a 500. */
export function replyFor(error: unknown): ErrorReply {
  const known = toAppError(error);
  return known ? errorReply(known) : unexpectedErrorReply(error);
}

export function errorResponse(error: AppError): NextResponse<ErrorBody> {
  return toResponse(errorReply(error));
}

export function unexpectedErrorResponse(error: unknown): NextResponse<ErrorBody> {
  return toResponse(unexpectedErrorReply(error));
}

function toResponse({ status, headers, body }: ErrorReply): NextResponse<ErrorBody> {
  return NextResponse.json(body, { status, headers });
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
        json: () => (body ??= readJson(req.headers, req.body, maxBodyBytes)),
      });
    } catch (error) {
      return toResponse(replyFor(error));
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
  if (authorization !== null) return authenticateBearer(authorization);
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in, or send a personal API token as “Authorization: Bearer plx_…”.");
  return user;
}

/** The owner of the personal API token an Authorization header carries; throws 401 for a malformed, unknown or revoked one. */
export async function authenticateBearer(authorization: string): Promise<SessionUser> {
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

function tooLarge(limit: number): AppError {
  const size = limit % (1024 * 1024) === 0 ? `${limit / (1024 * 1024)} MB` : `${limit.toLocaleString("en")} bytes`;
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than the ${size} this endpoint accepts. Send less at a time.`);
}

/** What readJson needs of a request's headers: a web Request's and a Node request's both give it. */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * Reads and parses a JSON body. Content-Length is checked first, then the bytes actually
 * read, since a client can omit or misstate it (chunked uploads); reading stops at the limit
 * instead of buffering whatever arrives. A JSON content type is required: besides catching
 * a forgotten header early, it keeps plain HTML forms on other sites (which cannot send it)
 * from posting with a visitor's cookie. `body` is a web Request's stream or a Node request
 * (both are async iterables of bytes); it is left when the limit is passed, which for a web
 * stream cancels it.
 */
export async function readJson(headers: HeaderReader, body: AsyncIterable<Uint8Array> | null, limit: number): Promise<unknown> {
  const declared = Number(headers.get("content-length"));
  if (declared > limit) throw tooLarge(limit);
  const type = headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type !== "application/json" && !type.endsWith("+json")) {
    throw new AppError("INVALID_INPUT", "Send the body as JSON, with the header “Content-Type: application/json”.");
  }
  const bytes = body ? await readBytes(body, limit) : new Uint8Array();
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

async function readBytes(body: AsyncIterable<Uint8Array>, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
