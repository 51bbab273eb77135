import type { Metadata } from "next";
import { Breadcrumbs } from "@/app/_components/breadcrumbs";
import { UserText } from "@/app/_components/user-text";
import { requireSessionUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { canTeach } from "@/lib/server/permissions";
import { getComparisonBySlug } from "@/lib/server/services/comparisons/get-comparison-by-slug";
import { findTaxonomy } from "@/lib/server/services/taxonomy/find-taxonomy";
import { AssignmentForm } from "../assignment-form";

type Props = { params: Promise<{ workspace: string }>; searchParams: Promise<{ comparison?: string }> };

export const metadata: Metadata = { title: "New assignment" };

export default async function NewAssignmentPage({ params, searchParams }: Props) {
  const { workspace: slug } = await params;
  const { comparison: comparisonSlug = "" } = await searchParams;
  const user = await requireSessionUser(`/w/${slug}/a/new?comparison=${encodeURIComponent(comparisonSlug)}`);
  const { workspace, comparison } = await orNotFound(getComparisonBySlug(user, slug, comparisonSlug));
  const taxonomy = await orNotFound(findTaxonomy(user, slug, comparisonSlug));
  if (workspace.kind !== "CLASS" || !canTeach(workspace.role)) {
    return (
      <div className="page page--narrow">
        <h1>New assignment</h1>
        <p className="notice notice--info">Assignments are made by a class&apos;s teachers, from a comparison of the class.</p>
      </div>
    );
  }
  const choices = {
    sources: comparison.sources.map((s) => ({ id: s.id, label: `${s.outlet?.name ?? "Unknown outlet"}: ${s.title}` })),
    factRows: comparison.factRows.map((f) => ({ id: f.id, label: f.label })),
    tagSets: taxonomy.tagSets.map((set) => ({
      id: set.id,
      name: set.name,
      tags: set.tags.filter((t) => !t.retired).map((t) => ({ id: t.id, name: t.name, description: t.description })),
    })),
  };
  return (
    <div className="page">
      <Breadcrumbs items={[{ href: "/workspaces", label: "Workspaces" }, { href: `/w/${workspace.slug}`, label: workspace.name }]} />
      <div className="page-header">
        <div>
          <h1>New assignment</h1>
          <p>
            From <strong><UserText>{comparison.title}</UserText></strong>. Students annotate the sources you pick with the tags you pick, without seeing each
            other&apos;s work; afterwards you write the key.
          </p>
        </div>
      </div>
      <section className="card">
        <AssignmentForm workspace={workspace.slug} comparison={comparison.slug} choices={choices} />
      </section>
    </div>
  );
}
