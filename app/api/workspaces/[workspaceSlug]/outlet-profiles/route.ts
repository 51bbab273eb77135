// A workspace's outlet profiles as a CSV download (UTF-8 with a byte order mark); members who may read reports.
import { outletProfilesCsv } from "@/lib/domain/profiles/outlet-profiles";
import { withUser, type RouteParams } from "@/lib/server/http";
import { getOutletProfiles } from "@/lib/server/services/outlets/get-outlet-profiles";

export const dynamic = "force-dynamic";

export const GET = withUser<RouteParams<{ workspaceSlug: string }>>(async (_req, { user, params, query }) => {
  const { workspaceSlug } = await params;
  const { workspace, profiles } = await getOutletProfiles(user, workspaceSlug, query.getAll("outlet"));
  return new Response(`\uFEFF${outletProfilesCsv(profiles)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="outlet-profiles-${workspace.slug}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
