import type { Metadata } from "next";
import Link from "next/link";
import { requireSessionUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { getComparisonBySlug } from "@/lib/server/services/comparisons/get-comparison-by-slug";
import { toViewProps } from "../comparison-types";
import { FactRowGrid, type TermsBase } from "./fact-row-grid";

type Params = {
  params: Promise<{ workspace: string; comparison: string }>;
  searchParams: Promise<{ base?: string | string[] }>;
};

export const metadata: Metadata = { title: "Fact rows" };

export default async function FactRowsPage({ params, searchParams }: Params) {
  const { workspace, comparison } = await params;
  const { base: baseParam } = await searchParams;
  const base = `/w/${workspace}/c/${comparison}`;
  const user = await requireSessionUser(`${base}/fact-rows`);
  const view = await orNotFound(getComparisonBySlug(user, workspace, comparison));
  const { sources, rows } = toViewProps(view);
  const chosen = typeof baseParam === "string" ? baseParam : "";
  const termsBase: TermsBase =
    chosen === "all" ? { kind: "all" } : sources.some((s) => s.id === chosen) ? { kind: "source", sourceId: chosen } : { kind: "first" };
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Fact rows</h1>
          <p>
            Each row is one fact as the outlets tell it. Marked words differ from the passage it is compared with, and
            the Terms strip under each row names them pair by pair; an empty cell means the outlet does not report the fact.
          </p>
        </div>
        {view.canEdit ? (
          <Link className="button button--quiet no-print" href={`${base}/align`}>
            Align all
          </Link>
        ) : null}
      </div>
      {rows.length === 0 ? (
        <p className="card empty">
          No fact rows yet. <Link href={base}>Select a passage side by side</Link> and add it to a new fact row
          {view.canEdit ? (
            <>
              , or let <Link href={`${base}/align`}>Align all</Link> propose them
            </>
          ) : null}
          .
        </p>
      ) : (
        <FactRowGrid where={{ workspace, comparison }} rows={rows} sources={sources} canEdit={view.canEdit} termsBase={termsBase} />
      )}
    </>
  );
}
