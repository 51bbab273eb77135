import type { Metadata } from "next";
import Link from "next/link";
import { UserText } from "@/app/_components/user-text";
import { requireSessionUser } from "@/lib/server/auth/session";
import { formatDate } from "@/lib/format";
import { orNotFound } from "@/lib/server/page";
import { canEditComparisons } from "@/lib/server/permissions";
import { getSource } from "@/lib/server/services/sources/get-source";
import { languageName, textAttributes } from "@/lib/domain/text/language";
import { EditSourceLanguage } from "./edit-source-language";
import { EditSourceText } from "./edit-source-text";

type Props = {
  params: Promise<{ workspace: string; comparison: string; source: string }>;
  searchParams: Promise<{ revision?: string }>;
};

export const metadata: Metadata = { title: "Source" };

export default async function SourcePage({ params, searchParams }: Props) {
  const { workspace, comparison, source: sourceId } = await params;
  const { revision } = await searchParams;
  const base = `/w/${workspace}/c/${comparison}`;
  const user = await requireSessionUser(`${base}/sources/${sourceId}`);
  const requested = revision && /^\d+$/.test(revision) ? Number(revision) : undefined;
  const found = await orNotFound(getSource(user, workspace, comparison, sourceId, requested));
  const { source, shown, isCurrent } = found;
  const orphans = source._count.passages + source._count.annotations;
  const canEdit = canEditComparisons(found.workspace.role);
  const textProps = textAttributes(source.language);
  return (
    <>
      <p className="meta">
        <Link href={`${base}/sources`}>← All sources</Link>
      </p>
      <div className="page-header">
        <div>
          <span className="source__outlet">{source.outlet?.name ?? "Unknown outlet"}</span>
          <h1 className="source__title"><UserText>{source.title}</UserText></h1>
          <ul className="meta-list">
            {source.author ? <li>By <UserText>{source.author}</UserText></li> : null}
            {source.publishedAt ? <li>Published {formatDate(source.publishedAt)}</li> : null}
            <li data-testid="source-language">{source.language ? `${languageName(source.language)} (${source.language})` : "Language unknown"}</li>
            {source.url ? (
              <li>
                <a href={source.url} rel="noopener noreferrer nofollow">Original article</a>
              </li>
            ) : null}
          </ul>
        </div>
      </div>
      {orphans > 0 ? (
        <p className="notice notice--error">
          {orphans} passage(s) or annotation(s) could not be placed in the current text after an edit. They are kept;
          re-attach them by selecting the text again.
        </p>
      ) : null}
      <div className="source-layout">
        <section className="card" aria-labelledby="text-heading">
          <h2 id="text-heading">
            {isCurrent ? `Current text (revision ${shown.number})` : `Revision ${shown.number} of ${source.currentRevision!.number}, ${formatDate(shown.createdAt)}`}
          </h2>
          {isCurrent && canEdit ? (
            <EditSourceText workspace={workspace} comparison={comparison} sourceId={source.id} revision={shown.number} text={shown.text} textProps={textProps} />
          ) : (
            <div className="source__body source__body--flush" {...textProps}>{shown.text}</div>
          )}
        </section>
        <aside className="card" aria-labelledby="revisions-heading">
          {canEdit ? <EditSourceLanguage key={source.language ?? ""} workspace={workspace} comparison={comparison} sourceId={source.id} language={source.language} /> : null}
          <h2 id="revisions-heading">Revisions</h2>
          <ol className="plain-list revisions">
            {source.revisions.map((r) => (
              <li key={r.number}>
                {r.number === shown.number ? (
                  <strong aria-current="page">Revision {r.number}</strong>
                ) : (
                  <Link href={`${base}/sources/${source.id}?revision=${r.number}`}>Revision {r.number}</Link>
                )}
                <span className="meta">
                  {" "}
                  {formatDate(r.createdAt)}, <UserText>{r.createdBy.name}</UserText>, {r.wordCount} words
                </span>
              </li>
            ))}
          </ol>
        </aside>
      </div>
    </>
  );
}
