/** The load test's table: per kind of request, what came back and how fast. */
import { formatMs, markdownTable, median, percentile, textTable } from "@/bench/harness";
import { KINDS, type Outcome } from "./reviewers";

/** An answer the app should give under load: 2xx, or 409 for an update based on an old version. */
export function isAnswered(outcome: Outcome): boolean {
  return (outcome.status >= 200 && outcome.status < 300) || outcome.status === 409;
}

const HEADERS = ["request", "sent", "2xx", "409", "503", "other 5xx", "other 4xx", "no answer", "per second", "p50", "p95", "max", "slowest failure"];
const NUMERIC = [false, true, true, true, true, true, true, true, true, true, true, true, true];

/**
 * Rows per kind and a total. Latencies are those of answered requests (2xx and 409);
 * "slowest failure" is the longest wait for anything else, the figure that shows whether
 * failures were fast.
 */
function rows(outcomes: readonly Outcome[], seconds: number): string[][] {
  const groups = [...KINDS.map((kind) => [kind, outcomes.filter((o) => o.kind === kind)] as const), ["all", outcomes] as const];
  return groups.map(([label, group]) => {
    const count = (test: (o: Outcome) => boolean) => String(group.filter(test).length);
    const answered = group.filter(isAnswered).map((o) => o.doneAt - o.sentAt);
    const failed = group.filter((o) => !isAnswered(o)).map((o) => o.doneAt - o.sentAt);
    const time = (ms: number | undefined) => (ms === undefined ? "" : formatMs(ms));
    return [
      label,
      String(group.length),
      count((o) => o.status >= 200 && o.status < 300),
      count((o) => o.status === 409),
      count((o) => o.status === 503),
      count((o) => o.status >= 500 && o.status !== 503),
      count((o) => o.status >= 400 && o.status < 500 && o.status !== 409),
      count((o) => o.status === 0),
      (group.length / seconds).toFixed(1),
      time(answered.length ? median(answered) : undefined),
      time(answered.length ? percentile(answered, 95) : undefined),
      time(answered.length ? Math.max(...answered) : undefined),
      time(failed.length ? Math.max(...failed) : undefined),
    ];
  });
}

export function renderLoadText(outcomes: readonly Outcome[], seconds: number): string {
  return textTable(HEADERS, rows(outcomes, seconds), NUMERIC, (r) => r[0] === "all");
}

export function renderLoadMarkdown(outcomes: readonly Outcome[], seconds: number): string {
  return markdownTable(HEADERS, rows(outcomes, seconds), NUMERIC);
}
