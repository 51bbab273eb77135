/**
 * Progress of a long command on stderr, so stdout stays clean for scripts: on a terminal a
 * bar redrawn in place (at most ten times a second), otherwise a plain line every few
 * seconds, so a log shows it is moving without filling up.
 */
export interface Progress {
  /** `done` of `total` units so far (total when known: a bar; unknown: a count). */
  update(done: number, total?: number): void;
  /** The last figure, on its own line. */
  finish(): void;
}

interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

const BAR_WIDTH = 28;

export function formatProgress(label: string, done: number, total: number | undefined, unit: string, elapsedMs: number): string {
  const seconds = `${(elapsedMs / 1000).toFixed(1)} s`;
  const count = `${done.toLocaleString("en")}${total === undefined ? "" : ` of ${total.toLocaleString("en")}`} ${unit}`;
  if (!total) return `${label}: ${count}, ${seconds}`;
  const share = Math.min(1, done / total);
  const filled = Math.round(share * BAR_WIDTH);
  return `${label} [${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${Math.floor(share * 100)}% ${count}, ${seconds}`;
}

export function createProgress(label: string, unit: string, stream: ProgressStream = process.stderr, now: () => number = Date.now): Progress {
  const started = now();
  const interval = stream.isTTY ? 100 : 5_000;
  let last = started;
  let figures: { done: number; total?: number } = { done: 0 };
  const line = () => formatProgress(label, figures.done, figures.total, unit, now() - started);
  return {
    update(done, total) {
      figures = { done, total };
      if (now() - last < interval) return;
      last = now();
      stream.write(stream.isTTY ? `\r${line()}\u001b[K` : `${line()}\n`);
    },
    finish() {
      stream.write(stream.isTTY ? `\r${line()}\u001b[K\n` : `${line()}\n`);
    },
  };
}
