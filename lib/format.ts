const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "3 Jan 2025": unambiguous across locales, and the same on server and client. */
export function formatDate(date: Date): string {
  return DATE.format(date);
}
