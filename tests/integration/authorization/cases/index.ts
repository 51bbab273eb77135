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

/** Every entry of the authorization matrix; a new cases file is added here. */
export const MATRIX = [...accountEntries, ...comparisonEntries, ...alignmentEntries, ...annotationEntries, ...taxonomyEntries, ...memberEntries, ...reportEntries, ...classroomEntries, ...proposalEntries, ...relationEntries, ...workQueueEntries, ...curationEntries, ...profilesCopyEntries, ...undoEntries];
