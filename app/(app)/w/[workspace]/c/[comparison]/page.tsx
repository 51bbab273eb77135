import type { Metadata } from "next";
import { Breadcrumbs } from "@/app/_components/breadcrumbs";
import { requireSessionUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { getComparisonBySlug } from "@/lib/server/services/comparisons/get-comparison-by-slug";
import { formatDate } from "@/lib/format";

type Params = { params: Promise<{ workspace: string; comparison: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { workspace, comparison } = await params;
  const user = await requireSessionUser(`/w/${workspace}/c/${comparison}`);
  const found = await orNotFound(getComparisonBySlug(user, workspace, comparison));
  return { title: found.comparison.title };
}

export default async function ComparisonPage({ params }: Params) {
  const { workspace: workspaceSlug, comparison: comparisonSlug } = await params;
  const user = await requireSessionUser(`/w/${workspaceSlug}/c/${comparisonSlug}`);
  const { workspace, comparison } = await orNotFound(getComparisonBySlug(user, workspaceSlug, comparisonSlug));
  return (
    <div className="page">
      <Breadcrumbs items={[{ href: "/workspaces", label: "Workspaces" }, { href: `/w/${workspace.slug}`, label: workspace.name }]} />
      <div className="page-header">
        <div>
          <h1>{comparison.title}</h1>
          {comparison.description ? <p>{comparison.description}</p> : null}
          <ul className="meta-list" style={{ marginTop: "0.5rem" }}>
            {comparison.eventDate ? <li>Event {formatDate(comparison.eventDate)}</li> : null}
            <li>{comparison.sources.length} sources</li>
            <li>{comparison._count.factRows} fact rows</li>
            <li>{comparison._count.annotations} annotations</li>
            <li>Created by {comparison.createdBy.name}</li>
          </ul>
        </div>
      </div>
      <h2>Sources</h2>
      {comparison.sources.length === 0 ? (
        <p className="card empty">No sources yet.</p>
      ) : (
        <ol className="plain-list" aria-label="Sources">
          {comparison.sources.map((source) => (
            <li key={source.id} className="card source">
              <details>
                <summary>
                  <span className="source__outlet">{source.outlet?.name ?? "Unknown outlet"}</span>
                  <span className="source__title">{source.title}</span>
                  <span className="meta-list">
                    {source.author ? <span>By {source.author}</span> : null}
                    {source.publishedAt ? <span>Published {formatDate(source.publishedAt)}</span> : null}
                    {source.currentRevision ? <span>{source.currentRevision.wordCount} words</span> : null}
                    {source.currentRevision && source.currentRevision.number > 1 ? <span>Revision {source.currentRevision.number}</span> : null}
                  </span>
                </summary>
                {source.url ? (
                  <p className="source__body meta" style={{ whiteSpace: "normal" }}>
                    Original: <a href={source.url} rel="noopener noreferrer nofollow">{source.url}</a>
                  </p>
                ) : null}
                <div className="source__body">{source.currentRevision?.text ?? ""}</div>
              </details>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
