import { accountEntries } from "./account";
import { alignmentEntries } from "./alignment";
import { annotationEntries } from "./annotations";
import { classroomEntries } from "./classroom";
import { comparisonEntries } from "./comparisons";
import { memberEntries } from "./members";
import { profilesCopyEntries } from "./profiles-copy";
import { proposalEntries } from "./proposals";
import { reportEntries } from "./reports";
import { taxonomyEntries } from "./taxonomy";

/** Every entry of the authorization matrix; a new cases file is added here. */
export const MATRIX = [...accountEntries, ...comparisonEntries, ...alignmentEntries, ...annotationEntries, ...taxonomyEntries, ...memberEntries, ...reportEntries, ...classroomEntries, ...proposalEntries, ...profilesCopyEntries];
