import "server-only";
import type { WebAnnotationUrls } from "@/lib/domain/export/web-annotation";

/**
 * The app's public address, which exported ids are built on: NEXTAUTH_URL (`npm start`
 * sets it, and behind a proxy it is the only address that is right), else `fallback` (the
 * address a request came in on), else http://localhost:$PORT as on a local start.
 */
export function publicOrigin(fallback?: string): string {
  const configured = process.env.NEXTAUTH_URL?.trim();
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // A malformed NEXTAUTH_URL stops next-auth itself; the export falls back quietly.
    }
  }
  return fallback ?? `http://localhost:${process.env.PORT || 3000}`;
}

export interface ExportedComparison {
  id: string;
  slug: string;
  workspaceSlug: string;
}

/**
 * Ids of an exported comparison's annotations, sources and authors, all pages of this app:
 * an annotation's JSON API address, a source's page at the revision the selectors count
 * in, and the author's row on the workspace's members page.
 */
export function webAnnotationUrls(origin: string, comparison: ExportedComparison): WebAnnotationUrls {
  const workspace = `${origin}/w/${encodeURIComponent(comparison.workspaceSlug)}`;
  const base = `${workspace}/c/${encodeURIComponent(comparison.slug)}`;
  return {
    annotation: (id) => `${origin}/api/comparisons/${encodeURIComponent(comparison.id)}/annotations/${encodeURIComponent(id)}`,
    source: (id, revision) => `${base}/sources/${encodeURIComponent(id)}?revision=${revision}`,
    creator: (id) => `${workspace}/members#user-${encodeURIComponent(id)}`,
  };
}

/** A relation's id in exports: its JSON API address, as an annotation's is. */
export function relationUrl(origin: string, comparisonId: string, relationId: string): string {
  return `${origin}/api/comparisons/${encodeURIComponent(comparisonId)}/relations/${encodeURIComponent(relationId)}`;
}

/** The export's own address: where the same file can be downloaded again. */
export function exportUrl(origin: string, comparisonId: string, format: string, filterQuery: string): string {
  return `${origin}/api/comparisons/${encodeURIComponent(comparisonId)}/export?format=${format}${filterQuery ? `&${filterQuery}` : ""}`;
}
