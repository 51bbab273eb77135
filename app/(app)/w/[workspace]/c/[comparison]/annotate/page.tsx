import type { Metadata } from "next";
import Link from "next/link";
import { requireSessionUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { canAnnotate, canEditComparisons, canUseProposals } from "@/lib/server/permissions";
import { findAllAnnotations } from "@/lib/server/services/annotations/find-annotations";
import { getComparisonBySlug } from "@/lib/server/services/comparisons/get-comparison-by-slug";
import { findProposals } from "@/lib/server/services/proposals/find-proposals";
import { findTaxonomy } from "@/lib/server/services/taxonomy/find-taxonomy";
import { Annotator } from "./annotator";

type Props = {
  params: Promise<{ workspace: string; comparison: string }>;
  searchParams: Promise<{ source?: string }>;
};

export const metadata: Metadata = { title: "Annotate" };

export default async function AnnotatePage({ params, searchParams }: Props) {
  const { workspace, comparison: comparisonSlug } = await params;
  const { source } = await searchParams;
  const base = `/w/${workspace}/c/${comparisonSlug}`;
  const user = await requireSessionUser(`${base}/annotate`);
  const view = await orNotFound(getComparisonBySlug(user, workspace, comparisonSlug));
  const { comparison } = view;
  if (comparison.sources.length === 0) {
    return (
      <p className="card empty">
        No sources to annotate yet. <Link href={`${base}/sources`}>Add articles first.</Link>
      </p>
    );
  }
  const initialSourceId = comparison.sources.some((s) => s.id === source) ? source! : comparison.sources[0]!.id;
  const proposalsOffered = canUseProposals(view.workspace.role, view.workspace.kind);
  const [annotations, taxonomy, proposals] = await Promise.all([
    findAllAnnotations(user, comparison.id),
    findTaxonomy(user, workspace, comparisonSlug),
    proposalsOffered ? findProposals(user, comparison.id, initialSourceId) : null,
  ]);
  const sources = comparison.sources.map((s) => ({
    id: s.id,
    outlet: s.outlet?.name ?? "Unknown outlet",
    title: s.title,
    revision: s.currentRevision?.number ?? 0,
    text: s.currentRevision?.text ?? "",
    language: s.language,
  }));
  const tagSets = taxonomy.tagSets.map((set) => ({
    id: set.id,
    name: set.name,
    tags: set.tags.map((t) => ({ id: t.id, name: t.name, color: t.color, description: t.description, retired: t.retired })),
  }));
  return (
    <Annotator
      comparisonId={comparison.id}
      sources={sources}
      initialSourceId={initialSourceId}
      initialAnnotations={annotations}
      initialProposals={proposals}
      tagSets={tagSets}
      me={user}
      canAnnotate={canAnnotate(view.workspace.role)}
      canModerate={canEditComparisons(view.workspace.role)}
    />
  );
}
