/**
 * Progress of a long command on stderr, so stdout stays clean for scripts: on a terminal a
 * bar redrawn in place (at most ten times a second), otherwise a plain line every few
 * seconds, so a log shows it is moving without filling up.
 */
export interface Progress {
  /** `count` units done so far; `share` (0 to 1) of the whole when known, which draws a bar. */
  update(count: number, share?: number): void;
  /** The last figure, on its own line. */
  finish(): void;
}

interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

const BAR_WIDTH = 28;

/** "Importing [#######---------------------]  25% 25,000 annotations, 9.1 s" (no bar without a share). */
export function formatProgress(label: string, count: number, unit: string, share: number | undefined, elapsedMs: number): string {
  const figures = `${count.toLocaleString("en")} ${unit}, ${(elapsedMs / 1000).toFixed(1)} s`;
  if (share === undefined) return `${label}: ${figures}`;
  const bounded = Math.min(1, Math.max(0, share));
  const filled = Math.round(bounded * BAR_WIDTH);
  return `${label} [${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${`${Math.floor(bounded * 100)}%`.padStart(4)} ${figures}`;
}

export function createProgress(label: string, unit: string, stream: ProgressStream = process.stderr, now: () => number = Date.now): Progress {
  const started = now();
  const interval = stream.isTTY ? 100 : 5_000;
  let last = started;
  let count = 0;
  let share: number | undefined;
  const line = () => formatProgress(label, count, unit, share, now() - started);
  return {
    update(done, part) {
      count = done;
      share = part;
      if (now() - last < interval) return;
      last = now();
      stream.write(stream.isTTY ? `\r${line()}\u001b[K` : `${line()}\n`);
    },
    finish() {
      stream.write(stream.isTTY ? `\r${line()}\u001b[K\n` : `${line()}\n`);
    },
  };
}
