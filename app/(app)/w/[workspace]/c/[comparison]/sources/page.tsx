import type { Metadata } from "next";
import Link from "next/link";
import { UserText } from "@/app/_components/user-text";
import { requireSessionUser } from "@/lib/server/auth/session";
import { formatDate } from "@/lib/format";
import { orNotFound } from "@/lib/server/page";
import { getComparisonBySlug } from "@/lib/server/services/comparisons/get-comparison-by-slug";
import { findOutlets } from "@/lib/server/services/outlets/find-outlets";
import { AddOutletForm } from "./add-outlet-form";
import { AddSourceForm } from "./add-source-form";

type Props = {
  params: Promise<{ workspace: string; comparison: string }>;
  searchParams: Promise<{ added?: string }>;
};

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage({ params, searchParams }: Props) {
  const { workspace, comparison: comparisonSlug } = await params;
  const base = `/w/${workspace}/c/${comparisonSlug}`;
  const user = await requireSessionUser(`${base}/sources`);
  const view = await orNotFound(getComparisonBySlug(user, workspace, comparisonSlug));
  const outlets = view.canEdit ? await findOutlets(user, view.workspace.id) : [];
  const { added } = await searchParams;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Sources</h1>
          <p>The articles of this comparison, one per outlet. Editing a text keeps every earlier revision.</p>
        </div>
      </div>
      {added ? <p className="notice notice--success" role="status">Source added.</p> : null}
      {view.comparison.sources.length === 0 ? (
        <p className="card empty">No sources yet.</p>
      ) : (
        <div className="card">
          <table className="table">
            <caption className="visually-hidden">Sources of {view.comparison.title}</caption>
            <thead>
              <tr>
                <th scope="col">Outlet</th>
                <th scope="col">Title</th>
                <th scope="col">Published</th>
                <th scope="col">Words</th>
                <th scope="col">Revision</th>
              </tr>
            </thead>
            <tbody>
              {view.comparison.sources.map((s) => (
                <tr key={s.id}>
                  <td>{s.outlet ? <UserText>{s.outlet.name}</UserText> : "Unknown outlet"}</td>
                  <td>
                    <Link href={`${base}/sources/${s.id}`}><UserText>{s.title}</UserText></Link>
                  </td>
                  <td>{s.publishedAt ? formatDate(s.publishedAt) : "—"}</td>
                  <td>{s.currentRevision?.wordCount ?? 0}</td>
                  <td>{s.currentRevision?.number ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.canEdit ? (
        <>
          <section className="card" aria-labelledby="add-source">
            <h2 id="add-source">Add a source</h2>
            <AddSourceForm workspace={workspace} comparison={comparisonSlug} outlets={outlets} />
          </section>
          <details className="card">
            <summary>
              <h2 style={{ display: "inline" }}>Add an outlet with details</h2>
            </summary>
            <p className="meta">Outlets belong to the workspace and can be reused across comparisons.</p>
            <AddOutletForm workspace={workspace} />
          </details>
        </>
      ) : null}
    </>
  );
}
