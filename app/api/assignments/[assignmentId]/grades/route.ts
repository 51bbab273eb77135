// An assignment's grades as a CSV download (UTF-8 with a byte order mark, for spreadsheets); the class's teachers only.
import { withUser, type RouteParams } from "@/lib/server/http";
import { exportGrades } from "@/lib/server/services/assignments/export-grades";

export const dynamic = "force-dynamic";

export const GET = withUser<RouteParams<{ assignmentId: string }>>(async (_req, { user, params }) => {
  const { assignmentId } = await params;
  const { filename, csv } = await exportGrades(user, assignmentId);
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
});
