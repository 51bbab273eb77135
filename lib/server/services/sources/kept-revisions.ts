import "server-only";

/** A source's revision as the annotation create path needs it to turn offsets into selectors. */
export interface KeptRevision {
  id: string;
  number: number;
  text: string;
  textHash: string;
}

/** At most this many UTF-16 code units of text in all (about 32 MB): hundreds of long articles. */
export const KEPT_TEXT_UNITS = 16 * 1024 * 1024;

/**
 * Revision texts kept in this server process, by source and revision number, so a create can
 * build its selectors without reading the whole text from the database first. A revision is
 * never changed once written (an edit of a source adds a revision), so a kept text cannot go
 * stale; and it never decides anything by itself: the create's statement writes only when
 * that revision (by id and text hash) is still its source's current one and the actor may
 * annotate there. Only texts a member has read through the full checks are kept. The least
 * recently used are dropped past KEPT_TEXT_UNITS.
 */
interface Kept {
  revisions: Map<string, KeptRevision>;
  units: number;
}

// On globalThis for the reason db() is: the API route and the annotate page's actions may be
// separate bundles, each with its own copy of this module.
const globalForKept = globalThis as unknown as { parallaxKeptRevisions?: Kept };

function kept(): Kept {
  globalForKept.parallaxKeptRevisions ??= { revisions: new Map(), units: 0 };
  return globalForKept.parallaxKeptRevisions;
}

const keyOf = (sourceId: string, number: number) => `${sourceId} ${number}`;

export function keptRevision(sourceId: string, number: number): KeptRevision | undefined {
  const { revisions } = kept();
  const key = keyOf(sourceId, number);
  const revision = revisions.get(key);
  if (revision) {
    revisions.delete(key);
    revisions.set(key, revision);
  }
  return revision;
}

export function keepRevision(sourceId: string, revision: KeptRevision): void {
  const store = kept();
  const key = keyOf(sourceId, revision.number);
  store.units -= store.revisions.get(key)?.text.length ?? 0;
  store.revisions.delete(key);
  store.revisions.set(key, revision);
  store.units += revision.text.length;
  for (const [oldest, { text }] of store.revisions) {
    if (store.units <= KEPT_TEXT_UNITS) break;
    store.revisions.delete(oldest);
    store.units -= text.length;
  }
}
