// The "text changed — check the tags" mark: POST { version } clears it (its author or an editor).
import { NextResponse } from "next/server";
import { withUser, type RouteParams } from "@/lib/server/http";
import { clearTextChanged } from "@/lib/server/services/annotations/clear-text-changed";

export const dynamic = "force-dynamic";

type Params = RouteParams<{ comparisonId: string; annotationId: string }>;

export const POST = withUser<Params>(async (_req, { user, params, json }) => {
  const { comparisonId, annotationId } = await params;
  return NextResponse.json(await clearTextChanged(user, comparisonId, annotationId, await json()));
});
