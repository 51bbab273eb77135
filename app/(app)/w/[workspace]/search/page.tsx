import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/app/_components/breadcrumbs";
import { UserText } from "@/app/_components/user-text";
import { formatDate } from "@/lib/format";
import { requireSessionUser } from "@/lib/server/auth/session";
import { isAppError } from "@/lib/server/errors";
import { orNotFound } from "@/lib/server/page";
import { SEARCH_MATCH_LIMIT, SEARCH_PAGE_SIZE, searchAnnotations } from "@/lib/server/services/annotations/search-annotations";
import { SearchForm } from "./search-form";
import { WorkspaceTabs } from "../workspace-tabs";

type Params = { params: Promise<{ workspace: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Search annotations" };

const CLAIM_LABELS = { UNVERIFIED: "unverified", SUPPORTED: "supported", DISPUTED: "disputed", FALSE: "false" } as const;

/** The query string of a search, with `page` set (or removed for page 1). */
function pageHref(slug: string, query: Record<string, string>, page: number) {
  const params = new URLSearchParams(Object.entries(query).filter(([key, value]) => key !== "page" && value !== ""));
  if (page > 1) params.set("page", String(page));
  const qs = params.toString();
  return `/w/${slug}/search${qs ? `?${qs}` : ""}`;
}

/** Search the workspace's annotations: words of the span or comment, tag, author, claim status, outlet, date. */
export default async function SearchPage({ params, searchParams }: Params) {
  const { workspace: slug } = await params;
  const raw = await searchParams;
  const query = Object.fromEntries(Object.entries(raw).flatMap(([key, value]) => (typeof value === "string" ? [[key, value]] : [])));
  const user = await requireSessionUser(`/w/${slug}/search`);
  const search = await orNotFound(
    searchAnnotations(user, slug, query).catch((error: unknown) => {
      if (isAppError(error) && error.code === "INVALID_INPUT") return { invalid: error.message } as const;
      throw error;
    }),
  );
  if ("invalid" in search) {
    return (
      <div className="page">
        <h1>Search annotations</h1>
        <p className="notice notice--error" role="alert">{search.invalid}</p>
        <p>
          <Link href={`/w/${slug}/search`}>Start a new search</Link>
        </p>
      </div>
    );
  }
  const { workspace, results, total, page, pageCount, capped, options, filters } = search;
  const searched = Object.entries(query).some(([key, value]) => key !== "page" && value !== "");
  return (
    <div className="page">
      <Breadcrumbs items={[{ href: "/workspaces", label: "Workspaces" }, { href: `/w/${workspace.slug}`, label: workspace.name }]} />
      <div className="page-header">
        <div>
          <h1>Search annotations</h1>
          <p>
            Every annotation of this workspace you may see, by words of the marked text or the comment (“quoted phrase”, -left out,
            or), and by tag, author, claim status, outlet and the day it was made.
          </p>
        </div>
      </div>
      <WorkspaceTabs slug={workspace.slug} kind={workspace.kind} role={workspace.role} />
      <SearchForm
        values={{ q: filters.q ?? "", tag: filters.tag ?? "", author: filters.author ?? "", claim: filters.claim ?? "", outlet: filters.outlet ?? "", from: filters.from ?? "", to: filters.to ?? "" }}
        options={options}
      />
      <section aria-labelledby="search-results">
        <h2 id="search-results">Results</h2>
        <p role="status">
          {total === 0
            ? searched
              ? "No annotation matches. Try fewer words or filters."
              : "No annotations yet."
            : `${total.toLocaleString("en")} ${total === 1 ? "annotation" : "annotations"}${searched ? " found" : ", newest first"}${pageCount > 1 ? `; page ${page} of ${pageCount}` : ""}.`}
          {capped ? ` Only the best-matching ${SEARCH_MATCH_LIMIT.toLocaleString("en")} were looked at: add words or filters to narrow it.` : null}
        </p>
        {results.length > 0 ? (
          <ol className="plain-list" start={(page - 1) * SEARCH_PAGE_SIZE + 1}>
            {results.map((r) => (
              <li key={r.id} className="card">
                <p>
                  <Link href={r.href}>
                    “<UserText>{r.exact}</UserText>”
                  </Link>
                  {r.hidden ? <span className="badge"> hidden</span> : null}
                </p>
                {r.comment ? <p><UserText>{r.comment}</UserText></p> : null}
                <ul className="meta-list">
                  <li>
                    <UserText>{r.outlet ?? "Unknown outlet"}</UserText>: <UserText>{r.source}</UserText>
                  </li>
                  <li>
                    in <UserText>{r.comparison}</UserText>
                  </li>
                  <li>
                    by <UserText>{r.author.name}</UserText>, {formatDate(r.createdAt)}
                  </li>
                  {r.tags.length > 0 ? (
                    <li>
                      Tags:{" "}
                      {r.tags.map((t, i) => (
                        <span key={t.id}>
                          {i > 0 ? ", " : null}
                          <span className="swatch" style={{ background: t.color }} aria-hidden="true" /> <UserText>{t.name}</UserText>
                        </span>
                      ))}
                    </li>
                  ) : null}
                  {r.claimStatus ? <li>Claim, {CLAIM_LABELS[r.claimStatus]}</li> : null}
                </ul>
              </li>
            ))}
          </ol>
        ) : null}
        {pageCount > 1 ? (
          <nav className="form--inline" aria-label="Result pages">
            {page > 1 ? <Link href={pageHref(workspace.slug, query, page - 1)} rel="prev">Previous page</Link> : null}
            {page < pageCount ? <Link href={pageHref(workspace.slug, query, page + 1)} rel="next">Next page</Link> : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
