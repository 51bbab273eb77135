// A comparison's annotations, report or corpus as a download: GET ?format=csv|jsonld|md|pdf|labelstudio|doccano|ptc, with the report's filters.
import { AppError } from "@/lib/server/errors";
import { assertExportFormat, exportComparison } from "@/lib/server/export/export-comparison";
import { publicOrigin } from "@/lib/server/export/urls";
import { withUser, type RouteParams } from "@/lib/server/http";
import { parseReportFilters } from "@/lib/server/reports/filters";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The report's filter parameters (lib/schemas/report.ts), so a download matches the report it came from. */
const PARAMETERS = new Set(["format", "outlet", "tagSet", "reviewer", "from", "to", "layer"]);

export const GET = withUser<RouteParams<{ comparisonId: string }>>(async (req, { user, params, query }) => {
  const { comparisonId } = await params;
  for (const key of query.keys()) {
    if (!PARAMETERS.has(key)) {
      throw new AppError("INVALID_INPUT", `Unknown query parameter “${key}”. Use ${[...PARAMETERS].join(", ")}.`, { [key]: "Not a parameter of this endpoint." });
    }
  }
  const format = assertExportFormat(query.get("format"));
  const file = await exportComparison(user, comparisonId, format, {
    filters: parseReportFilters(query),
    origin: publicOrigin(new URL(req.url).origin),
  });
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      // The slug is ASCII (lib/domain/slug.ts), so the plain filename parameter is enough.
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
