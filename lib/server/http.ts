import "server-only";
import { NextResponse } from "next/server";
import { getSessionUser, type SessionUser } from "@/lib/server/auth/session";
import { AppError, isAppError } from "@/lib/server/errors";

export interface ErrorBody {
  error: { code: string; message: string; fieldErrors?: Record<string, string> };
}

export function errorResponse(error: AppError, headers?: HeadersInit): NextResponse<ErrorBody> {
  return NextResponse.json(
    { error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors } },
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

type Handler<C> = (req: Request, ctx: C & { user: SessionUser }) => Promise<Response>;

/** Wraps a JSON route handler: requires a signed-in user and maps AppError to its status. */
export function withUser<C>(handler: Handler<C>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      const user = await getSessionUser();
      if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to use this endpoint.");
      return await handler(req, { ...ctx, user });
    } catch (error) {
      return isAppError(error) ? errorResponse(error) : unexpectedErrorResponse(error);
    }
  };
}
