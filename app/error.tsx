"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main id="main" className="page page--narrow">
      <h1>Something went wrong</h1>
      <p>We could not show this page. Nothing you saved before is lost.</p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </main>
  );
}
