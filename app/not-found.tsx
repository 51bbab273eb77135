import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="page page--narrow">
      <h1>Page not found</h1>
      <p>This page does not exist, or you do not have access to it.</p>
      <p>
        <Link href="/workspaces">Go to your workspaces</Link>
      </p>
    </main>
  );
}
