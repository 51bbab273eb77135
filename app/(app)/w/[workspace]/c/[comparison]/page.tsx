import type { Metadata } from "next";
import Link from "next/link";
import { UserText } from "@/app/_components/user-text";
import { requireSessionUser } from "@/lib/server/auth/session";
import { formatDate } from "@/lib/format";
import { orNotFound } from "@/lib/server/page";
import { getSideBySide } from "@/lib/server/services/comparisons/get-side-by-side";
import { getProgressTable } from "@/lib/server/services/source-progress/find-source-progress";
import { toViewProps, toViewQuotations } from "./comparison-types";
import { ProgressTable } from "./progress-table";
import { SideBySide } from "./side-by-side";

type Params = { params: Promise<{ workspace: string; comparison: string }> };

export const metadata: Metadata = { title: "Side by side" };

export default async function SideBySidePage({ params }: Params) {
  const { workspace: workspaceSlug, comparison: comparisonSlug } = await params;
  const user = await requireSessionUser(`/w/${workspaceSlug}/c/${comparisonSlug}`);
  const view = await orNotFound(getSideBySide(user, workspaceSlug, comparisonSlug));
  const { comparison } = view;
  const progress = comparison.sources.length > 0 ? await getProgressTable(user, comparison.id) : null;
  const props = { ...toViewProps(view), quotations: toViewQuotations(view.sharedQuotations) };
  return (
    <>
      <div className="page-header">
        <div>
          <h1><UserText>{comparison.title}</UserText></h1>
          {comparison.description ? <p>{comparison.description}</p> : null}
          <ul className="meta-list" style={{ marginTop: "0.5rem" }}>
            {comparison.eventDate ? <li>Event {formatDate(comparison.eventDate)}</li> : null}
            <li>{comparison.sources.length} sources</li>
            <li>{comparison.factRows.length} fact rows</li>
            <li>{comparison._count.annotations} annotations</li>
            <li>Created by <UserText>{comparison.createdBy.name}</UserText></li>
            {comparison.copiedFrom ? (
              <li>
                Copied from <UserText>{comparison.copiedFrom}</UserText>
              </li>
            ) : null}
            {comparison.copyNote ? (
              <li>
                <UserText>{comparison.copyNote}</UserText>
              </li>
            ) : null}
          </ul>
        </div>
        {view.canEdit ? (
          <div className="no-print" style={{ display: "flex", gap: "0.5rem" }}>
            {comparison.sources.length > 1 ? (
              <Link className="button button--quiet" href={`/w/${workspaceSlug}/c/${comparisonSlug}/align`}>
                Align all
              </Link>
            ) : null}
            <Link className="button button--quiet" href={`/w/${workspaceSlug}/c/${comparisonSlug}/copy`}>
              Copy to workspace
            </Link>
          </div>
        ) : null}
        {view.canEdit && comparison.sources.length > 0 ? (
          <Link className="button button--quiet no-print" href={`/w/${workspaceSlug}/c/${comparisonSlug}/curate`}>
            Curate
          </Link>
        ) : null}
      </div>
      {comparison.sources.length === 0 ? (
        <p className="card empty">
          No sources yet.{" "}
          {view.canEdit ? <Link href={`/w/${workspaceSlug}/c/${comparisonSlug}/sources`}>Add the first article</Link> : null}
        </p>
      ) : (
        <SideBySide where={{ workspace: workspaceSlug, comparison: comparisonSlug }} canEdit={view.canEdit} layout={view.columnLayout} {...props} />
      )}
      {progress ? <ProgressTable comparisonId={comparison.id} annotateHref={`/w/${workspaceSlug}/c/${comparisonSlug}/annotate`} initial={progress} /> : null}
    </>
  );
}
