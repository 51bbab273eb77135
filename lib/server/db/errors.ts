import { Prisma } from "@/lib/generated/prisma/client";
import { AppError, DATABASE_UNAVAILABLE_DIGEST, DatabaseUnavailableError, isAppError } from "@/lib/server/errors";

/** True when a write failed on a unique constraint (Prisma's P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Prisma's codes for a database that cannot serve us at the moment: unreachable (P1001),
 * too slow to connect or answer (P1002, P1008), a connection closed under us (P1017),
 * no free connection (P2024, P2037), and transactions that could not start or ran out of
 * time (P2028). P2028 also covers using a transaction after it ended, a bug we would then
 * report as an outage; in practice it comes from a pool starved by a slow or absent server.
 */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "P2037"]);

/** The driver adapter's names for the same conditions, when Prisma wraps them as P2010 (raw queries). */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/**
 * Postgres SQLSTATEs: class 08 (connection exception), the server shutting down or
 * starting up (57P01-57P03), a statement cancelled by statement_timeout (57014), and no
 * connection slot left (53300).
 */
const SQLSTATES = /^(08[0-9A-Z]{3}|57P0[123]|57014|53300)$/;

/** Socket failures Node reports while connecting to or talking with the server. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);

/**
 * What node-postgres (pg 8.23, pg-pool 3.14) says, without a code, when a connection dies
 * or a timeout of ours fires. The adapter passes these errors through unconverted.
 */
const PG_MESSAGES = new Set([
  "Connection terminated",
  "Connection terminated unexpectedly",
  "Connection terminated due to connection timeout",
  "timeout exceeded when trying to connect",
  "timeout expired",
  "Query read timeout",
  "Client has encountered a connection error and is not queryable",
  "Client was closed and is not queryable",
]);

/**
 * By shape rather than class: Next may evaluate a module once per route bundle, and the
 * database client (one per process) may come from another bundle than the caller. Prisma's
 * codes (P…), SQLSTATEs and socket codes cannot be mistaken for each other.
 */
function signalsOutage(value: object): boolean {
  const { kind, code, originalCode, message, digest } = value as Record<string, unknown>;
  if (digest === DATABASE_UNAVAILABLE_DIGEST) return true;
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  for (const c of [code, originalCode]) {
    if (typeof c === "string" && (PRISMA_CODES.has(c) || SQLSTATES.test(c) || SOCKET_CODES.has(c))) return true;
  }
  return value instanceof Error && typeof message === "string" && PG_MESSAGES.has(message);
}

/**
 * The error and what it wraps: `cause` chains, and the driver's error that Prisma keeps in
 * `meta.driverAdapterError` (itself an error whose `cause` holds the kind and SQLSTATE).
 */
function* chain(error: unknown): Generator<object> {
  const queue = [error];
  for (let seen = 0; queue.length && seen < 16; seen++) {
    const value = queue.shift();
    if (typeof value !== "object" || value === null) continue;
    yield value;
    const { cause, meta } = value as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
    queue.push(cause, meta?.driverAdapterError);
  }
}

/**
 * True when the database is down, restarting, unreachable, out of connections or slower
 * than our timeouts (lib/server/db/target.ts): a reason to answer 503 and try again soon,
 * not a bug in the request or the code.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const value of chain(error)) if (signalsOutage(value)) return true;
  return false;
}

/**
 * Postgres refusing a NUL character in a text value (22021, "invalid byte sequence for
 * encoding UTF8: 0x00") or in JSON (22P05). The schemas refuse NUL in every text field with
 * a message naming it; this catches what no schema reads as text, such as an id in a body or
 * a query string, so that it is a 400 rather than a 500.
 */
const NUL_SQLSTATES = new Set(["22021", "22P05"]);

function refusesNul(error: unknown): boolean {
  for (const value of chain(error)) {
    const { code, originalCode } = value as Record<string, unknown>;
    if ([code, originalCode].some((c) => typeof c === "string" && NUL_SQLSTATES.has(c))) return true;
  }
  return false;
}

const NUL_REFUSED_MESSAGE = "The request contains a NUL character (U+0000), which cannot be saved or looked up: remove it and try again.";

/**
 * An error in the app's vocabulary: an AppError as it is, an outage as
 * DATABASE_UNAVAILABLE, a NUL the database refused as INVALID_INPUT, anything else
 * undefined (a bug: log it, say something calm).
 */
export function toAppError(error: unknown): AppError | undefined {
  if (isAppError(error)) return error;
  if (isDatabaseUnavailable(error)) return new DatabaseUnavailableError(error);
  if (refusesNul(error)) return new AppError("INVALID_INPUT", NUL_REFUSED_MESSAGE);
  return undefined;
}

const LOG_EVERY_MS = 5_000;
let lastLogged = 0;
let unlogged = 0;

/**
 * One log line per few seconds while the database is away: every request fails the same
 * way then, and a stack per request would bury the line that says when it began.
 */
export function logDatabaseUnavailable(error: AppError): void {
  const now = Date.now();
  if (now - lastLogged < LOG_EVERY_MS) {
    unlogged += 1;
    return;
  }
  const detail = databaseFailureDetail(error);
  const more = unlogged ? ` (and ${unlogged} more failures since the last report)` : "";
  console.warn(`[db] the database is unavailable: ${detail}${more}`);
  lastLogged = now;
  unlogged = 0;
}

/**
 * The driver's own words for a failure, for logs and the health check: the last non-empty
 * line of the first message below our DatabaseUnavailableError (Prisma puts the driver's
 * words after a preamble naming the call site).
 */
export function databaseFailureDetail(error: unknown): string {
  for (const value of chain(error)) {
    const { message, digest } = value as { message?: unknown; digest?: unknown };
    if (typeof message !== "string" || digest === DATABASE_UNAVAILABLE_DIGEST) continue;
    const line = message.split("\n").map((l) => l.trim()).filter(Boolean).at(-1);
    if (line) return line;
  }
  return "no detail from the driver";
}
