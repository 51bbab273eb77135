import { NavLink } from "@/app/_components/nav-link";
import type { Role, WorkspaceKind } from "@/lib/generated/prisma/enums";
import { canTeach } from "@/lib/server/permissions";

export function WorkspaceTabs({ slug, kind = "TEAM", role }: { slug: string; kind?: WorkspaceKind; role?: Role }) {
  if (kind === "CLASS") {
    return (
      <nav className="tabs" aria-label="Class">
        <NavLink href={`/w/${slug}`}>Assignments</NavLink>
        {role && canTeach(role) ? <NavLink href={`/w/${slug}/members`}>Roster</NavLink> : null}
        <NavLink href={`/w/${slug}/search`}>Search</NavLink>
        {role && canTeach(role) ? <NavLink href={`/w/${slug}/outlets`}>Outlet profiles</NavLink> : null}
      </nav>
    );
  }
  return (
    <nav className="tabs" aria-label="Workspace">
      <NavLink href={`/w/${slug}`}>Comparisons</NavLink>
      <NavLink href={`/w/${slug}/members`}>Members</NavLink>
      <NavLink href={`/w/${slug}/outlets`}>Outlet profiles</NavLink>
      <NavLink href={`/w/${slug}/analysers`}>Analysers</NavLink>
      <NavLink href={`/w/${slug}/search`}>Search</NavLink>
    </nav>
  );
}
