/**
 * Cleanup for the bench and load runners: what they start (a Postgres cluster, databases,
 * the app) is stopped on every way out: success, error and Ctrl-C.
 */
import os from "node:os";

interface CleanupStep {
  label: string;
  run: () => Promise<unknown>;
}

/**
 * Steps run last-in first-out. Each step is removed before it runs, so a step never runs
 * twice when an interrupt arrives while a suite is already cleaning up.
 */
export class Cleanup {
  private steps: CleanupStep[] = [];

  get mark(): number {
    return this.steps.length;
  }

  add(label: string, run: () => Promise<unknown>): void {
    this.steps.push({ label, run });
  }

  /** Runs the steps added since `mark` (all by default); a failing step is reported and skipped. */
  async unwind(mark = 0): Promise<void> {
    while (this.steps.length > mark) {
      const step = this.steps.pop() as CleanupStep;
      await step.run().catch((error: unknown) => console.error(`cleanup: ${step.label} failed: ${String(error)}`));
    }
  }
}

let exiting: Promise<never> | undefined;

/**
 * Progress goes to stderr, so stdout carries nothing but the table. Quiet once exiting: after
 * Ctrl-C the current step runs on while cleanup proceeds, and should not look as if it went on.
 */
export function progress(message: string): void {
  if (!exiting) console.error(`· ${message}`);
}

/**
 * Runs `main` and exits with its code (1 on an error), after cleanup. The process ends
 * explicitly: the WASM schema engine leaves a timer behind. The first caller's exit code
 * wins; a Ctrl-C during cleanup waits for the same cleanup.
 */
export function runMain(main: () => Promise<number>, cleanup: Cleanup): void {
  const exit = (code: number): Promise<never> => {
    exiting ??= cleanup.unwind().then(() => process.exit(code));
    return exiting;
  };
  // `on`, not `once`: tsx's CLI relays Ctrl-C a second time when the first is not acknowledged
  // at once, and a repeated signal must join the cleanup under way, not kill the process.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      progress(`${signal}: cleaning up`);
      void exit(128 + os.constants.signals[signal]);
    });
  }
  main().then(exit, (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    return exit(1);
  });
}
