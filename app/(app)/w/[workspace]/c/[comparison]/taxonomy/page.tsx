import type { Metadata } from "next";
import { UserText } from "@/app/_components/user-text";
import { DEFAULT_TAXONOMY } from "@/lib/domain/taxonomy";
import { requireSessionUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { findRelationTypes } from "@/lib/server/services/relations/find-relation-types";
import { findTaxonomy, type TagSetView } from "@/lib/server/services/taxonomy/find-taxonomy";
import { AddTagForm } from "./add-tag-form";
import { RelationTypes } from "./relation-types";
import { TagItem } from "./tag-item";
import styles from "./taxonomy.module.css";

type Props = { params: Promise<{ workspace: string; comparison: string }> };

export const metadata: Metadata = { title: "Taxonomy" };

const PALETTE = DEFAULT_TAXONOMY.flatMap((set) => set.tags.map((tag) => tag.color));

/** A new tag starts on a default colour its set does not use yet: readable, and apart from its neighbours. */
function suggestColor(set: TagSetView): string {
  const used = new Set(set.tags.map((tag) => tag.color.toLowerCase()));
  return PALETTE.find((color) => !used.has(color)) ?? PALETTE[0]!;
}

function summary(set: TagSetView): string {
  const retired = set.tags.filter((tag) => tag.retired).length;
  const active = set.tags.length - retired;
  return retired ? `${active} active, ${retired} retired` : `${active} tags`;
}

export default async function TaxonomyPage({ params }: Props) {
  const { workspace, comparison } = await params;
  const user = await requireSessionUser(`/w/${workspace}/c/${comparison}/taxonomy`);
  const { tagSets, canEdit } = await orNotFound(findTaxonomy(user, workspace, comparison));
  const { comparison: found } = await orNotFound(requireComparison(user, workspace, comparison));
  const relationTypes = await findRelationTypes(user, found.id);
  const where = { workspace, comparison };
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Taxonomy</h1>
          <p>
            The tag sets reviewers annotate this comparison with, and the coding guideline of each tag: when to apply it and how
            it differs from its neighbours.
          </p>
        </div>
      </div>
      {canEdit ? (
        <p className="notice notice--info no-print">
          Renaming or recolouring a tag changes it on every annotation. Retiring a tag keeps it on the annotations that have it
          but stops offering it for new ones; merging moves a tag’s annotations to another tag and retires it.
        </p>
      ) : (
        <p className="notice notice--info no-print">You can read the taxonomy; the workspace’s owners and editors change it.</p>
      )}
      <nav aria-label="Tag sets">
        <ul className={styles.contents}>
          {tagSets.map((set) => (
            <li key={set.id}>
              <a href={`#set-${set.key}`}><UserText>{set.name}</UserText></a> <span className="meta">({summary(set)})</span>
            </li>
          ))}
        </ul>
      </nav>
      {tagSets.map((set) => {
        const active = set.tags.filter((tag) => !tag.retired).map((tag) => ({ id: tag.id, name: tag.name }));
        return (
          <section key={set.id} id={`set-${set.key}`} className="card" aria-labelledby={`set-${set.key}-title`}>
            <div className={styles.setHead}>
              <h2 id={`set-${set.key}-title`}><UserText>{set.name}</UserText></h2>
              <p className="meta">{summary(set)}</p>
            </div>
            {set.description ? <p className={styles.setDescription}>{set.description}</p> : null}
            {set.tags.length === 0 ? (
              <p className="empty">No tags in this set yet.</p>
            ) : (
              <ul className={styles.tags} aria-label={`Tags of ${set.name}`}>
                {set.tags.map((tag) => (
                  <TagItem
                    key={tag.id}
                    where={where}
                    tag={tag}
                    canEdit={canEdit}
                    mergeTargets={active.filter((target) => target.id !== tag.id)}
                  />
                ))}
              </ul>
            )}
            {canEdit ? <AddTagForm where={where} tagSet={{ id: set.id, name: set.name }} suggestedColor={suggestColor(set)} /> : null}
          </section>
        );
      })}
      <RelationTypes at={{ ...where, comparisonId: found.id }} types={relationTypes} canEdit={canEdit} />
    </>
  );
}
