// GET /r/<token>/download?format=md|pdf (+ report filters): a published report as a file, no sign-in.
import { slugify } from "@/lib/domain/slug";
import { AppError, isAppError } from "@/lib/server/errors";
import { errorResponse, unexpectedErrorResponse } from "@/lib/server/http";
import { parseReportFilters } from "@/lib/server/reports/filters";
import { getPublishedReport } from "@/lib/server/reports/get-report";
import { reportToMarkdown } from "@/lib/server/reports/markdown";
import { reportToPdf } from "@/lib/server/reports/pdf";

export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const { token } = await params;
    const query = new URL(req.url).searchParams;
    const format = query.get("format");
    if (format !== "md" && format !== "pdf") throw new AppError("INVALID_INPUT", "Choose format=md (Markdown) or format=pdf.");
    const report = await getPublishedReport(token, parseReportFilters(query));
    const name = `framing-report-${slugify(report.comparison.title) || "comparison"}`;
    const headers = {
      // A withdrawn link must stop working at once, also for copies a cache could keep.
      "Cache-Control": "no-store",
      "Content-Disposition": `attachment; filename="${name}.${format}"`,
    };
    if (format === "md") return new Response(reportToMarkdown(report), { headers: { ...headers, "Content-Type": "text/markdown; charset=utf-8" } });
    return new Response(new Uint8Array(await reportToPdf(report)), { headers: { ...headers, "Content-Type": "application/pdf" } });
  } catch (error) {
    return isAppError(error) ? errorResponse(error) : unexpectedErrorResponse(error);
  }
}
