/**
 * The one error vocabulary of the server. Services throw AppError; route handlers and
 * server actions turn it into an HTTP status and a sentence the user can act on.
 */
export const ERROR_STATUS = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Messages per form field, for forms that show errors beside their inputs. */
  readonly fieldErrors?: Record<string, string>;
  /** For a refused stale update: the current version, so the client can show it and re-apply. */
  readonly current?: unknown;

  constructor(code: ErrorCode, message: string, fieldErrors?: Record<string, string>, current?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.current = current;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Not-found and forbidden look the same to outsiders, so nothing leaks about what exists. */
export function notFound(what: string): AppError {
  return new AppError("NOT_FOUND", `${what} was not found, or you do not have access to it.`);
}

/**
 * A write based on an older version than the stored one (`what`: "annotation", "relation"),
 * carrying the current record so the client can show it and let the user apply their change again.
 */
export function staleVersion(what: string, version: number, current: unknown): AppError {
  return new AppError("CONFLICT", `Someone changed this ${what} while you were editing (it is now at version ${version}). Look at their change, then apply yours again.`, undefined, current);
}

/** What every page, endpoint and form says while the database is down, restarting or too slow. */
export const DATABASE_UNAVAILABLE_MESSAGE = "Parallax can't reach its database right now; try again in a few seconds.";

/** Sent as Retry-After with DATABASE_UNAVAILABLE: a Postgres restart takes a few seconds. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Marks the error for pages. In production Next hands an error page only a hash of a
 * server error (never its message), unless the error carries its own `digest`, which
 * it passes through unchanged: app/error.tsx recognises this one.
 */
export const DATABASE_UNAVAILABLE_DIGEST = "PARALLAX_DATABASE_UNAVAILABLE";

/** The database could not answer; `cause` keeps the driver's error for the server log. */
export class DatabaseUnavailableError extends AppError {
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;

  constructor(cause: unknown) {
    super("DATABASE_UNAVAILABLE", DATABASE_UNAVAILABLE_MESSAGE);
    this.name = "DatabaseUnavailableError";
    this.cause = cause;
  }
}
