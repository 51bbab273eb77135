import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getSessionUser, type SessionUser } from "@/lib/server/auth/session";
import type { ErrorCode } from "@/lib/server/errors";
import { logDatabaseUnavailable, toAppError } from "@/lib/server/db/errors";

/**
 * What a form's server action answers; forms render `message` and `fieldErrors`. `code` says
 * which kind of refusal it was (absent for our own failures), as HTTP statuses do for the API.
 */
export type ActionState =
  | { ok: true; message?: string; /** A path the message is about, shown to copy: an invitation's link, made once. */ link?: string }
  | { ok: false; message: string; code?: ErrorCode; fieldErrors?: Record<string, string>; values?: Record<string, string> }
  | null;

/**
 * React resets a form after its action runs; a failed submission hands the typed values
 * back (never passwords) so the form can show them again next to the errors.
 */
function echoValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !key.toLowerCase().includes("password") && !key.startsWith("$")) values[key] = value;
  }
  return values;
}

const SESSION_ENDED = { ok: false, code: "UNAUTHENTICATED", message: "Your session has ended. Sign in again, then retry." } as const;

/**
 * What a failed action tells the user: an AppError's own words (a database outage included:
 * "try again in a few seconds"), anything else one calm sentence (and a log line).
 */
function describeFailure(error: unknown) {
  unstable_rethrow(error);
  const known = toAppError(error);
  if (known) {
    if (known.code === "DATABASE_UNAVAILABLE") logDatabaseUnavailable(known);
    return { message: known.message, code: known.code, fieldErrors: known.fieldErrors, current: known.current };
  }
  console.error(error);
  return { message: "Something went wrong on our side; nothing was saved. Try again in a moment." };
}

function toFailure(error: unknown, form: FormData): ActionState {
  const { message, code, fieldErrors } = describeFailure(error);
  return { ok: false, message, code, fieldErrors, values: echoValues(form) };
}

/** A form action for signed-in users: checks the session, maps AppError to a form message. */
export function userAction(handler: (user: SessionUser, form: FormData) => Promise<ActionState>) {
  return async (_previous: ActionState, form: FormData): Promise<ActionState> => {
    try {
      const user = await getSessionUser();
      if (!user) return SESSION_ENDED;
      return await handler(user, form);
    } catch (error) {
      return toFailure(error, form);
    }
  };
}

/** A form action open to anyone (sign-up). */
export function publicAction(handler: (form: FormData) => Promise<ActionState>) {
  return async (_previous: ActionState, form: FormData): Promise<ActionState> => {
    try {
      return await handler(form);
    } catch (error) {
      return toFailure(error, form);
    }
  };
}

/** What an action called from client code (not a form) answers. */
export type CallResult<T> = { ok: true; data: T } | { ok: false; message: string; code?: ErrorCode; current?: unknown };

/** An action called from client code with typed arguments, for signed-in users. */
export function userCall<A extends unknown[], T>(handler: (user: SessionUser, ...args: A) => Promise<T>) {
  return async (...args: A): Promise<CallResult<T>> => {
    try {
      const user = await getSessionUser();
      if (!user) return SESSION_ENDED;
      return { ok: true, data: await handler(user, ...args) };
    } catch (error) {
      const { message, code, current } = describeFailure(error);
      return { ok: false, message, code, current };
    }
  };
}

/** An action called from client code with typed arguments, open to anyone (a share link's reader). */
export function publicCall<A extends unknown[], T>(handler: (...args: A) => Promise<T>) {
  return async (...args: A): Promise<CallResult<T>> => {
    try {
      return { ok: true, data: await handler(...args) };
    } catch (error) {
      const { message, code } = describeFailure(error);
      return { ok: false, message, code };
    }
  };
}
