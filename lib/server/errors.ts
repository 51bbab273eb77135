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
