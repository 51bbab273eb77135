import { NavLink } from "@/app/_components/nav-link";

export function ComparisonTabs({ base }: { base: string }) {
  return (
    <nav className="tabs no-print" aria-label="Comparison">
      <NavLink href={base}>Side by side</NavLink>
      <NavLink href={`${base}/fact-rows`}>Fact rows</NavLink>
      <NavLink href={`${base}/annotate`}>Annotate</NavLink>
      <NavLink href={`${base}/agreement`}>Agreement</NavLink>
      <NavLink href={`${base}/report`}>Report</NavLink>
      <NavLink href={`${base}/taxonomy`}>Taxonomy</NavLink>
      <NavLink href={`${base}/sources`} section>
        Sources
      </NavLink>
    </nav>
  );
}
