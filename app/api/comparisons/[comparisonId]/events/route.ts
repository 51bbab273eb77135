// Server-sent events for one comparison: ids of what changed, for its workspace's members to re-fetch.
import { withUser, type RouteParams } from "@/lib/server/http";
import { subscribeComparisonEvents } from "@/lib/server/realtime/bus";
import { requireComparisonById } from "@/lib/server/services/comparisons/require-comparison-by-id";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// Proxies and load balancers commonly close a response that is silent for 30-60 s.
const PING_MS = 15_000;
// How long the browser waits before reconnecting a dropped stream.
const RETRY_MS = 2_000;

/**
 * Membership is checked once, when the stream opens. Someone removed from the workspace
 * keeps receiving ids until they disconnect, but never content: every re-fetch is checked.
 */
export const GET = withUser<RouteParams<{ comparisonId: string }>>(async (request, { params, user }) => {
  const { comparisonId } = await params;
  const { comparison } = await requireComparisonById(user, comparisonId);
  return new Response(changeStream(comparison.id, request.signal), {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform keeps compressing proxies (and Next's own gzip) from buffering events.
      "Cache-Control": "no-cache, no-transform",
      // nginx buffers responses unless told not to.
      "X-Accel-Buffering": "no",
    },
  });
});

function changeStream(comparisonId: string, signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let active = true;
  let release = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (active) controller.enqueue(encoder.encode(text));
      };
      // After a gap in the bus, ending the stream makes the browser reconnect and, back to
      // "live", re-fetch: the client already does that, so no second resync path is needed.
      const unsubscribe = subscribeComparisonEvents(
        comparisonId,
        (event) => send(`event: change\ndata: ${JSON.stringify(event)}\n\n`),
        end,
      );
      const ping = setInterval(() => send(": ping\n\n"), PING_MS);
      function end() {
        if (!active) return;
        release();
        controller.close();
      }
      release = () => {
        active = false;
        clearInterval(ping);
        unsubscribe();
        signal.removeEventListener("abort", end);
      };
      // The first bytes also flush the headers, so the browser reports the stream open at once.
      send(`retry: ${RETRY_MS}\n\n`);
      if (signal.aborted) end();
      else signal.addEventListener("abort", end, { once: true });
    },
    // The client went away: Next cancels the body, aborts the request signal, or both.
    cancel() {
      if (active) release();
    },
  });
}
