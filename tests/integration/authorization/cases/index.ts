import { accountEntries } from "./account";
import { alignmentEntries } from "./alignment";
import { annotationEntries } from "./annotations";
import { classroomEntries } from "./classroom";
import { comparisonEntries } from "./comparisons";
import { curationEntries } from "./curation";
import { memberEntries } from "./members";
import { profilesCopyEntries } from "./profiles-copy";
import { proposalEntries } from "./proposals";
import { relationEntries } from "./relations";
import { reportEntries } from "./reports";
import { taxonomyEntries } from "./taxonomy";
import { undoEntries } from "./undo";
import { workQueueEntries } from "./work-queue";

/**
 * The matrix in two shards, each run by its own test file (../matrix-<shard>.test.ts) so
 * that vitest's two workers share the cells. A shard's cost grows with its cells and with
 * the annotations its scene gathers; on a quiet machine these two took 29 and 31 s of cells
 * (bench/RESULTS.md, test-speed3). A new cases file joins one of them.
 */
export const SHARDS = {
  "annotations-and-workspaces": [...annotationEntries, ...accountEntries, ...comparisonEntries, ...alignmentEntries, ...taxonomyEntries, ...memberEntries, ...classroomEntries, ...profilesCopyEntries],
  "relations-and-reports": [...relationEntries, ...undoEntries, ...reportEntries, ...curationEntries, ...proposalEntries, ...workQueueEntries],
};

export type ShardName = keyof typeof SHARDS;

/** Every entry of the authorization matrix. */
export const MATRIX = Object.values(SHARDS).flat();
