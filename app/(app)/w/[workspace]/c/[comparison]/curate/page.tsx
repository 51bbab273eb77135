import type { Metadata } from "next";
import Link from "next/link";
import { UserText } from "@/app/_components/user-text";
import { requireSessionUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { getCurationView } from "@/lib/server/services/curation/get-curation-view";
import { MergeView } from "./merge-view";

type Props = { params: Promise<{ workspace: string; comparison: string }>; searchParams: Promise<{ source?: string }> };

export const metadata: Metadata = { title: "Curate" };

/** The merge view: an editor builds the curated layer of a source from every reviewer's annotations. */
export default async function CuratePage({ params, searchParams }: Props) {
  const { workspace, comparison: comparisonSlug } = await params;
  const { source: sourceId } = await searchParams;
  const base = `/w/${workspace}/c/${comparisonSlug}`;
  const user = await requireSessionUser(`${base}/curate`);
  const view = await orNotFound(getCurationView(user, workspace, comparisonSlug, sourceId));
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Curate</h1>
          <p>
            Every reviewer&apos;s annotations on one source, a column each, lined up by span. Accept one version, merge their
            tags, edit them or reject the span: the curated layer is what the report counts when set to &ldquo;curated only&rdquo;.
          </p>
          <p>
            <Link href={`${base}/copy?annotations=curated-key`}>Make a class key from the curated layer</Link>: copies this comparison into a class you
            teach, with the accepted spans as the key of a new assignment; students see the key only when the assignment reveals it (by default, once they submit).
          </p>
        </div>
      </div>
      {view.source ? (
        <>
          <nav className="source-switch" aria-label="Source to curate">
            {view.sources.map((s) => (
              <Link key={s.id} className="chip" href={`${base}/curate?source=${s.id}`} aria-current={s.id === view.source!.id ? "page" : undefined}>
                <UserText>{s.outlet}</UserText>
              </Link>
            ))}
          </nav>
          <h2 className="source__title"><UserText>{view.source.title}</UserText></h2>
          <MergeView
            key={view.source.id}
            comparisonId={view.comparison.id}
            workspaceSlug={workspace}
            comparisonSlug={comparisonSlug}
            sourceId={view.source.id}
            reviewers={view.reviewers}
            spans={view.spans}
            initialVerdicts={view.verdicts}
            tagSets={view.tagSets}
          />
        </>
      ) : (
        <p className="card empty">No sources yet.</p>
      )}
    </>
  );
}
