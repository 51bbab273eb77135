import type { AnnotationView } from "@/lib/server/services/annotations/annotation-view";

export type Annotation = AnnotationView;

/** Annotations per page the annotate view reads (the first page comes with the page's HTML). */
export const ANNOTATION_PAGE_SIZE = 50;

export interface TagSetOption {
  id: string;
  name: string;
  tags: { id: string; name: string; color: string; description: string | null; retired: boolean }[];
}

export interface AnnotateSource {
  id: string;
  outlet: string;
  title: string;
  revision: number;
  /** The current text; left out for the sources not shown first, which the view reads when opened. */
  text?: string;
  /** BCP 47 tag of the text's language; sets lang and dir on the text. */
  language?: string | null;
}

/** The annotate view inside an assignment: a student's own work, or a teacher writing the key. */
export interface AssignmentContext {
  id: string;
  mode: "student" | "key";
}

export const CLAIM_STATUS_LABELS = {
  UNVERIFIED: "Unverified",
  SUPPORTED: "Supported",
  DISPUTED: "Disputed",
  FALSE: "False",
} as const;
