import Link from "next/link";

export default function NotFound() {
  return (
    <div className="page page--narrow">
      <h1>Page not found</h1>
      <p>This page does not exist, or you do not have access to it. Ask a workspace owner to invite you if you need it.</p>
      <p>
        <Link href="/workspaces">Go to your workspaces</Link>
      </p>
    </div>
  );
}
