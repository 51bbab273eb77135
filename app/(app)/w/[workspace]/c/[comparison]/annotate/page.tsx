import type { Metadata } from "next";
import Link from "next/link";
import { requireSessionUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { canAnnotate, canEditComparisons, canTrackProgress, canUseProposals } from "@/lib/server/permissions";
import { findAnnotationWindow } from "@/lib/server/services/annotations/find-annotation-window";
import { locateAnnotation, type Whereabouts } from "@/lib/server/services/annotations/locate-annotation";
import { getComparisonBySlug } from "@/lib/server/services/comparisons/get-comparison-by-slug";
import { findProposals } from "@/lib/server/services/proposals/find-proposals";
import { findRelations } from "@/lib/server/services/relations/find-relations";
import { findRelationTypes } from "@/lib/server/services/relations/find-relation-types";
import { findMyDoneSources } from "@/lib/server/services/source-progress/find-source-progress";
import { findTaxonomy } from "@/lib/server/services/taxonomy/find-taxonomy";
import { ANNOTATION_PAGE_SIZE } from "./annotate-types";
import { Annotator, type PermalinkFocus } from "./annotator";

type Props = {
  params: Promise<{ workspace: string; comparison: string }>;
  searchParams: Promise<{ source?: string; annotation?: string; reply?: string }>;
};

/** What a permalink says when it cannot show what it points at: why, never what it says. */
const UNSEEN_NOTICES = {
  hidden: "The annotation this link points to was hidden by an editor, so it is not shown to you.",
  deleted: "The annotation this link points to was deleted by its author.",
  unseen: "The annotation this link points to is not yours to see: in a class, others' work shows only once it is revealed to you.",
  missing: "This link points to no annotation of this comparison. It may be mistyped.",
} as const;

function permalinkFocus(found: Whereabouts, replyId: string | undefined): PermalinkFocus {
  if (found.state !== "visible") return { annotation: null, replyId: null, notice: UNSEEN_NOTICES[found.state] };
  const notice =
    found.reply === "deleted" ? "The reply this link points to was deleted; its annotation is shown." : found.reply === "missing" ? "This link points to no reply of this annotation; the annotation is shown." : null;
  return { annotation: found.annotation, replyId: found.reply === "visible" ? (replyId ?? null) : null, notice };
}

export const metadata: Metadata = { title: "Annotate" };

export default async function AnnotatePage({ params, searchParams }: Props) {
  const { workspace, comparison: comparisonSlug } = await params;
  const { source, annotation: linkedId, reply: linkedReplyId } = await searchParams;
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
  // A permalink opens its annotation's source.
  const linked = linkedId ? await locateAnnotation(user, comparison.id, linkedId, linkedReplyId) : null;
  const linkedSourceId = linked?.state === "visible" ? linked.annotation.sourceId : undefined;
  const initialSourceId = linkedSourceId ?? (comparison.sources.some((s) => s.id === source) ? source! : comparison.sources[0]!.id);
  const proposalsOffered = canUseProposals(view.workspace.role, view.workspace.kind);
  const inWorkQueue = canTrackProgress(view.workspace.role);
  const [initialWindow, taxonomy, proposals, relations, relationTypes, doneSourceIds] = await Promise.all([
    findAnnotationWindow(user, comparison.id, { sourceId: initialSourceId }, [0], ANNOTATION_PAGE_SIZE),
    findTaxonomy(user, workspace, comparisonSlug),
    proposalsOffered ? findProposals(user, comparison.id, initialSourceId) : null,
    findRelations(user, comparison.id),
    findRelationTypes(user, comparison.id),
    inWorkQueue ? findMyDoneSources(user, comparison.id) : null,
  ]);
  // Only the source shown first comes with its text; the view reads the others when opened.
  const sources = comparison.sources.map((s) => ({
    id: s.id,
    outlet: s.outlet?.name ?? "Unknown outlet",
    title: s.title,
    revision: s.currentRevision?.number ?? 0,
    language: s.language,
    ...(s.id === initialSourceId ? { text: s.currentRevision?.text ?? "" } : {}),
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
      initialWindow={initialWindow}
      initialProposals={proposals}
      tagSets={tagSets}
      me={user}
      canAnnotate={canAnnotate(view.workspace.role)}
      canModerate={canEditComparisons(view.workspace.role)}
      initialRelations={relations}
      relationTypes={relationTypes}
      permalinkBase={`${base}/annotate`}
      permalink={linked ? permalinkFocus(linked, linkedReplyId) : undefined}
      workQueue={doneSourceIds ? { doneSourceIds } : undefined}
    />
  );
}
