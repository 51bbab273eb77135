import type { Metadata } from "next";
import { Breadcrumbs } from "@/app/_components/breadcrumbs";
import { formatDate } from "@/lib/format";
import { requireSessionUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { findAcceptRates } from "@/lib/server/services/proposals/analyser-figures";
import { findAnalyserSettings } from "@/lib/server/services/proposals/analyser-settings";
import { findWorkspaceLexicon } from "@/lib/server/services/proposals/workspace-lexicon";
import { getWorkspaceBySlug } from "@/lib/server/services/workspaces/get-workspace-by-slug";
import { WorkspaceTabs } from "../workspace-tabs";
import { AnalyserSwitch } from "./analyser-switch";
import { LexiconForm } from "./lexicon-form";

type Params = { params: Promise<{ workspace: string }> };

export const metadata: Metadata = { title: "Analysers" };

const PERCENT = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 0 });

export default async function AnalysersPage({ params }: Params) {
  const { workspace: slug } = await params;
  const user = await requireSessionUser(`/w/${slug}/analysers`);
  const workspace = await orNotFound(getWorkspaceBySlug(user, slug));
  const settings = await orNotFound(findAnalyserSettings(user, slug));
  const rates = settings.canChange ? await findAcceptRates(user, slug) : null;
  const list = await findWorkspaceLexicon(user, slug);
  const categories = Object.entries(list.lexicon.categories);
  return (
    <div className="page">
      <Breadcrumbs items={[{ href: "/workspaces", label: "Workspaces" }, { href: `/w/${workspace.slug}`, label: workspace.name }]} />
      <div className="page-header">
        <div>
          <h1>Analysers</h1>
          <p>
            Analysers read each source and propose annotations, drawn as a dashed layer in the annotate view. A proposal counts nowhere (agreement,
            reports, exports) until a reviewer accepts it; then it is that reviewer&rsquo;s annotation, marked with the analyser that proposed it.
          </p>
        </div>
      </div>
      <WorkspaceTabs slug={workspace.slug} kind={workspace.kind} role={workspace.role} />
      {!settings.offeredHere ? <p className="notice notice--info">Classes get no proposals: they would give students the answers.</p> : null}
      <div className="card">
        <table className="table">
          <caption>Analysers in this workspace{rates ? ", and how often reviewers here accepted their proposals" : ""}</caption>
          <thead>
            <tr>
              <th scope="col">Analyser</th>
              <th scope="col">What it proposes</th>
              <th scope="col">Here</th>
              {rates ? <th scope="col">Accepted / decided</th> : null}
              {settings.canChange ? <th scope="col"><span className="visually-hidden">Change</span></th> : null}
            </tr>
          </thead>
          <tbody>
            {settings.analysers.map((a) => {
              const rate = rates?.find((r) => r.analyser === a.id);
              return (
                <tr key={a.id}>
                  <th scope="row">
                    {a.id} <span className="meta">v{a.version}</span>
                  </th>
                  <td>
                    {a.description}
                    <br />
                    <span className="meta">{a.tags.map((t) => `${t.set} / ${t.tag}`).join("; ")}</span>
                  </td>
                  <td>
                    {a.enabled ? "On" : "Off"}
                    {a.defaultOn ? "" : <span className="meta"> (off by default: below 0.6 precision on our gold set)</span>}
                  </td>
                  {rates ? (
                    <td>
                      {rate && rate.rate !== null ? `${PERCENT.format(rate.rate)} (${rate.accepted} of ${rate.accepted + rate.rejected})` : "No decisions yet"}
                    </td>
                  ) : null}
                  {settings.canChange ? (
                    <td>
                      <AnalyserSwitch workspaceSlug={workspace.slug} analyser={a.id} enabled={a.enabled} />
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <section className="card" aria-labelledby="lexicon">
        <h2 id="lexicon">Loaded-terms list</h2>
        <p>
          The words and phrases the loaded-language, labeling, euphemism and persuasion analysers look for, each with why it is charged.{" "}
          {list.own
            ? `This workspace uses its own list, last edited by ${list.own.updatedBy} on ${formatDate(list.own.updatedAt)}.`
            : "This workspace uses the list Parallax ships."}{" "}
          {list.lexicon.name}, version {list.lexicon.version}: {list.lexicon.entries.length} terms in {categories.length} categories.
        </p>
        <details>
          <summary>Review the terms</summary>
          {categories.map(([id, category]) => (
            <div key={id}>
              <h3>
                {id} <span className="meta">({category.propose.map((t) => `${t.set} / ${t.tag}`).join("; ")})</span>
              </h3>
              <p className="meta">{category.description}</p>
              <ul>
                {list.lexicon.entries
                  .filter((e) => e.category === id)
                  .map((e, i) => (
                    <li key={`${i}:${e.term}`}>
                      <strong>{e.term}</strong>: {e.note}
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </details>
        {list.canEdit ? (
          <details>
            <summary>Edit the list</summary>
            <LexiconForm workspaceSlug={workspace.slug} json={JSON.stringify(list.lexicon, null, 2)} own={Boolean(list.own)} />
          </details>
        ) : null}
      </section>
      <section className="card" aria-labelledby="undetected">
        <h2 id="undetected">What no analyser proposes</h2>
        <p>These persuasion techniques have no word or syntax cue an analyser could trust; reviewers find them unaided.</p>
        <ul>
          {settings.undetected.map((t) => (
            <li key={t.tag}>
              <strong>{t.tag}</strong>: {t.why}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
