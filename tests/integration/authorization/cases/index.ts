import { accountEntries } from "./account";
import { annotationEntries } from "./annotations";
import { comparisonEntries } from "./comparisons";
import { memberEntries } from "./members";
import { taxonomyEntries } from "./taxonomy";

/** Every entry of the authorization matrix; a new cases file is added here. */
export const MATRIX = [...accountEntries, ...comparisonEntries, ...annotationEntries, ...taxonomyEntries, ...memberEntries];
