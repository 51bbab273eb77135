"use client";

import { useBrowserValue } from "./use-browser";

const UTC = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const LOCAL = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });

/** A moment in the reader's own time zone; the server, which does not know it, renders UTC. */
export function LocalTime({ date }: { date: Date | string }) {
  const value = new Date(date);
  const text = useBrowserValue(() => LOCAL.format(value), `${UTC.format(value)} UTC`);
  return <time dateTime={value.toISOString()}>{text}</time>;
}
