/**
 * A reader of a comparison's live stream (/api/comparisons/<id>/events), as a browser's
 * EventSource would hold it open: for the fault test's check that live updates survive a
 * database restart.
 */
export interface EventStream {
  /** Resolves when the server ends the stream (or it breaks), with the time it did. */
  ended: Promise<number>;
  /** Resolves true once an event with this id arrives, false after `ms`. */
  waitForId(id: string, ms: number): Promise<boolean>;
  close(): void;
}

export async function openEventStream(url: string, cookie: string): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { cookie, accept: "text/event-stream" }, signal: controller.signal });
  if (response.status !== 200 || !response.body) throw new Error(`The event stream answered ${response.status}: ${await response.text()}`);
  const ids = new Set<string>();
  const waiters = new Set<() => void>();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();

  const ended = (async () => {
    let buffer = "";
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        // Events are separated by a blank line; each "data:" line carries one JSON event.
        const events = buffer.split("\n\n");
        buffer = events.pop() ?? "";
        for (const event of events) {
          const data = /^data: (.*)$/m.exec(event)?.[1];
          const id = data ? (JSON.parse(data) as { id?: string }).id : undefined;
          if (id) ids.add(id);
        }
        for (const wake of waiters) wake();
      }
    } catch {
      // Aborted by close(), or the connection broke: either way the stream is over.
    }
    return performance.now();
  })();

  return {
    ended,
    waitForId(id, ms) {
      return new Promise((resolve) => {
        const check = () => {
          if (!ids.has(id)) return;
          finish(true);
        };
        const timer = setTimeout(() => finish(false), ms);
        const finish = (found: boolean) => {
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
}
