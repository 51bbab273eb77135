import { redirect } from "next/navigation";
import { Breadcrumbs } from "@/app/_components/breadcrumbs";
import { UserText } from "@/app/_components/user-text";
import { requireSessionUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { ComparisonTabs } from "./comparison-tabs";

type Props = { children: React.ReactNode; params: Promise<{ workspace: string; comparison: string }> };

export default async function ComparisonLayout({ children, params }: Props) {
  const { workspace: workspaceSlug, comparison: comparisonSlug } = await params;
  const base = `/w/${workspaceSlug}/c/${comparisonSlug}`;
  const user = await requireSessionUser(base);
  const { workspace, comparison } = await orNotFound(requireComparison(user, workspaceSlug, comparisonSlug));
  // Students reach a comparison only through their assignments (its sources, its tags, blind).
  if (workspace.role === "STUDENT") redirect(`/w/${workspace.slug}`);
  return (
    <div className="page page--wide">
      <Breadcrumbs items={[{ href: "/workspaces", label: "Workspaces" }, { href: `/w/${workspace.slug}`, label: workspace.name }]} />
      <p className="comparison-title"><UserText>{comparison.title}</UserText></p>
      <ComparisonTabs base={base} />
      {children}
    </div>
  );
}
