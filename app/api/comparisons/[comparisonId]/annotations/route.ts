// A comparison's annotations: GET lists them (filtered, paged), POST creates one.
import { NextResponse } from "next/server";
import { ZAnnotationFilters } from "@/lib/schemas/annotation";
import { AppError } from "@/lib/server/errors";
import { publishDirectCreate } from "@/lib/server/direct-create";
import { withUser, type RouteParams } from "@/lib/server/http";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { findAnnotations } from "@/lib/server/services/annotations/find-annotations";

export const dynamic = "force-dynamic";

type Params = RouteParams<{ comparisonId: string }>;

const FILTERS = Object.keys(ZAnnotationFilters.shape);
const FLAGS = new Set(["unresolved", "orphaned"]);

/**
 * Query parameters as filters. The flags are read here as the strings "true" and "false":
 * the schema's coercion would take any non-empty string, "false" included, as true. An
 * unknown parameter is refused, so a misspelt filter is not silently ignored.
 */
function filtersOf(query: URLSearchParams): Record<string, string | boolean> {
  const filters: Record<string, string | boolean> = {};
  for (const [key, value] of query) {
    if (!FILTERS.includes(key)) {
      throw new AppError("INVALID_INPUT", `Unknown query parameter “${key}”. Filter with ${FILTERS.join(", ")}.`, { [key]: "Not a filter." });
    }
    if (!FLAGS.has(key)) filters[key] = value;
    else if (value === "true" || value === "false") filters[key] = value === "true";
    else throw new AppError("INVALID_INPUT", `Give “${key}” as true or false.`, { [key]: "Use true or false." });
  }
  return filters;
}

export const GET = withUser<Params>(async (_req, { user, params, query }) => {
  const { comparisonId } = await params;
  return NextResponse.json(await findAnnotations(user, comparisonId, filtersOf(query)));
});

export const POST = withUser<Params>(async (_req, { user, params, json }) => {
  const { comparisonId } = await params;
  return NextResponse.json(await createAnnotation(user, comparisonId, await json()), { status: 201 });
});

// The same create for the token requests scripts/serve.mjs answers without Next's pipeline.
publishDirectCreate(createAnnotation);
