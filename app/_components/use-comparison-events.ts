"use client";

import { useEffect, useEffectEvent, useState } from "react";
import type { ComparisonEvent } from "@/lib/server/realtime/events";

export type ConnectionState = "connecting" | "live" | "offline";

// EventSource retries a dropped stream by itself (every 2 s, as the server asks), but gives
// up for good when an answer is not a stream: a 502 from a proxy while the app restarts, a
// 401 once the session has ended. Then we open a new one, backing off to once a minute.
const REOPEN_FIRST_MS = 5_000;
const REOPEN_MAX_MS = 60_000;

/**
 * Calls `onEvent` for every change in the comparison, made by anyone, and returns the state
 * of the connection for a status indicator. Events that happen while the state is not
 * "live" are missed, so re-fetch whenever it turns "live" (that also covers the moment
 * between rendering the page and opening the stream).
 */
export function useComparisonEvents(comparisonId: string, onEvent: (event: ComparisonEvent) => void): ConnectionState {
  // Tagged with the comparison, so switching comparisons reads "connecting" without a reset.
  const [status, setStatus] = useState<{ comparisonId: string; state: ConnectionState }>();
  const handleEvent = useEffectEvent(onEvent);

  useEffect(() => {
    const url = `/api/comparisons/${encodeURIComponent(comparisonId)}/events`;
    let source: EventSource | undefined;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    let reopenDelay = REOPEN_FIRST_MS;

    const open = () => {
      const current = new EventSource(url);
      source = current;
      current.onopen = () => {
        reopenDelay = REOPEN_FIRST_MS;
        setStatus({ comparisonId, state: "live" });
      };
      current.onerror = () => {
        setStatus({ comparisonId, state: "offline" });
        if (current.readyState !== EventSource.CLOSED) return;
        reopenTimer = setTimeout(open, reopenDelay);
        reopenDelay = Math.min(reopenDelay * 2, REOPEN_MAX_MS);
      };
      current.addEventListener("change", (message) => {
        // The server serialises events it has validated (ZComparisonEvent).
        handleEvent(JSON.parse(message.data) as ComparisonEvent);
      });
    };
    open();

    return () => {
      clearTimeout(reopenTimer);
      source?.close();
    };
  }, [comparisonId]);

  return status?.comparisonId === comparisonId ? status.state : "connecting";
}
