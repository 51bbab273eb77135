"use client";

import { DATABASE_UNAVAILABLE_DIGEST, DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/server/errors";

/**
 * Production builds hand this page a server error's digest, never its message or stack.
 * A database outage carries a digest of its own (DatabaseUnavailableError), so it can say
 * what is going on; anything else gets the general apology.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const databaseDown = (error as { digest?: unknown } | null)?.digest === DATABASE_UNAVAILABLE_DIGEST;
  return (
    <main id="main" className="page page--narrow">
      <h1>{databaseDown ? "Parallax is briefly unavailable" : "Something went wrong"}</h1>
      <p>{databaseDown ? DATABASE_UNAVAILABLE_MESSAGE : "We could not show this page."} Nothing you saved before is lost.</p>
      <button type="button" className="button" onClick={retry}>
        Try again
      </button>
    </main>
  );
}
