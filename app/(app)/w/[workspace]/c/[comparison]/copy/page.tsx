import type { Metadata } from "next";
import { UserText } from "@/app/_components/user-text";
import { requireSessionUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { findCopyTargets } from "@/lib/server/services/comparisons/find-copy-targets";
import { CopyForm } from "./copy-form";

type Params = { params: Promise<{ workspace: string; comparison: string }>; searchParams: Promise<{ annotations?: string }> };

const MODES = ["none", "copy", "key", "curated-key"] as const;

export const metadata: Metadata = { title: "Copy to workspace" };

export default async function CopyPage({ params, searchParams }: Params) {
  const { workspace: workspaceSlug, comparison: comparisonSlug } = await params;
  const { annotations } = await searchParams;
  const mode = MODES.find((m) => m === annotations) ?? "none";
  const user = await requireSessionUser(`/w/${workspaceSlug}/c/${comparisonSlug}/copy`);
  const { comparison } = await orNotFound(requireComparison(user, workspaceSlug, comparisonSlug, { edit: true }));
  const targets = await findCopyTargets(user, comparison.workspaceId);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>
            Copy <UserText>{comparison.title}</UserText> to another workspace
          </h1>
          <p>
            The copy gets the sources with their current text (under outlets of the same name there), the fact rows and the taxonomy, and says where it came
            from. It is made all at once or not at all, and recorded in the target&rsquo;s log. You need to be an editor of both workspaces.
          </p>
        </div>
      </div>
      {targets.length === 0 ? (
        <p className="card">You edit no other workspace. Create one, or ask its owner to make you an editor, then come back.</p>
      ) : (
        <div className="card">
          <CopyForm comparisonId={comparison.id} targets={targets} mode={mode} />
        </div>
      )}
    </>
  );
}
