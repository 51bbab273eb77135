// One annotation: GET reads it, PATCH changes it (naming the version it is based on), DELETE soft-deletes it.
import { NextResponse } from "next/server";
import { AppError } from "@/lib/server/errors";
import { withUser, type RouteParams } from "@/lib/server/http";
import { getAnnotation } from "@/lib/server/services/annotations/find-annotations";
import { deleteAnnotation } from "@/lib/server/services/annotations/moderate-annotation";
import { updateAnnotation } from "@/lib/server/services/annotations/update-annotation";

export const dynamic = "force-dynamic";

type Params = RouteParams<{ comparisonId: string; annotationId: string }>;

export const GET = withUser<Params>(async (_req, { user, params }) => {
  const { comparisonId, annotationId } = await params;
  return NextResponse.json(await getAnnotation(user, comparisonId, annotationId));
});

export const PATCH = withUser<Params>(async (_req, { user, params, json }) => {
  const { comparisonId, annotationId } = await params;
  return NextResponse.json(await updateAnnotation(user, comparisonId, annotationId, await json()));
});

const VERSION_NEEDED = "Name the version you are deleting: ?version=3, or the JSON body {\"version\": 3}.";

// The version may come as ?version=: some HTTP clients cannot send a body with DELETE.
export const DELETE = withUser<Params>(async (req, { user, params, query, json }) => {
  const { comparisonId, annotationId } = await params;
  const version = query.get("version");
  if (version !== null && !/^\d+$/.test(version)) throw new AppError("INVALID_INPUT", VERSION_NEEDED, { version: "Use a whole number." });
  // HTTP marks a request with a body by one of these two headers (RFC 9112, section 6).
  const hasBody = req.headers.has("content-length") || req.headers.has("transfer-encoding");
  if (version === null && !hasBody) throw new AppError("INVALID_INPUT", VERSION_NEEDED, { version: "Required." });
  const input = version !== null ? { version: Number(version) } : await json();
  await deleteAnnotation(user, comparisonId, annotationId, input);
  return new Response(null, { status: 204 });
});
