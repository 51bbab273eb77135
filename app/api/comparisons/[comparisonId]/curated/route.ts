// A comparison's curated layer: GET lists the editors' verdicts, POST records one (owners and editors).
import { NextResponse } from "next/server";
import { withUser, type RouteParams } from "@/lib/server/http";
import { curateSpan } from "@/lib/server/services/curation/curate-span";
import { findCuratedAnnotations } from "@/lib/server/services/curation/find-curated-annotations";

export const dynamic = "force-dynamic";

type Params = RouteParams<{ comparisonId: string }>;

export const GET = withUser<Params>(async (_req, { user, params }) => {
  const { comparisonId } = await params;
  return NextResponse.json(await findCuratedAnnotations(user, comparisonId));
});

export const POST = withUser<Params>(async (_req, { user, params, json }) => {
  const { comparisonId } = await params;
  return NextResponse.json(await curateSpan(user, comparisonId, await json()));
});
