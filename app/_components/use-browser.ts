"use client";

import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * A value only the browser knows (its time zone, the address it sees), with a stand-in for
 * the server render; React swaps it in after hydration, so the markup still matches.
 */
export function useBrowserValue<T>(inBrowser: () => T, onServer: T): T {
  return useSyncExternalStore(never, inBrowser, () => onServer);
}
