/**
 * Every benchmark suite, in the order they run and print. To add one, write a file beside
 * this one that exports a `Suite` and list it here (see bench/README.md).
 */
import type { Suite } from "@/bench/harness";
import { agreement } from "./agreement";
import { alignAllSuite } from "./align-all";
import { alignment } from "./alignment";
import { analysis } from "./analysis";
import { annotationApp } from "./annotation-app";
import { annotationWrites } from "./annotation-writes";
import { anchoring } from "./anchoring";
import { comparisonPage } from "./comparison-page";
import { database } from "./database";
import { diff } from "./diff";
import { exportSuite } from "./export";
import { scale } from "./scale";

export const suites: Suite[] = [database, comparisonPage, annotationApp, annotationWrites, diff, alignment, alignAllSuite, anchoring, agreement, exportSuite, analysis, scale];
