import { NavLink } from "@/app/_components/nav-link";

export function WorkspaceTabs({ slug }: { slug: string }) {
  return (
    <nav className="tabs" aria-label="Workspace">
      <NavLink href={`/w/${slug}`}>Comparisons</NavLink>
      <NavLink href={`/w/${slug}/members`}>Members</NavLink>
    </nav>
  );
}
