// Types of failure-digest.mjs, which scripts/test.mjs runs under plain Node.
export type Failure = { name: string; lines: string[] };
export function vitestFailures(report: object, root: string, lines?: number): Failure[];
export function playwrightFailures(report: object, root: string, lines?: number): Failure[];
export function formatFailures(failures: Failure[]): string;
