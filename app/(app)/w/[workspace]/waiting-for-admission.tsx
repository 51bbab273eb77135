import Link from "next/link";
import { Breadcrumbs } from "@/app/_components/breadcrumbs";
import { LocalTime } from "@/app/_components/local-time";

/** What someone who asked to join a class sees of it until a teacher admits them: its name, and that they wait. */
export function WaitingForAdmission({ request }: { request: { name: string; requestedAt: Date } }) {
  return (
    <div className="page">
      <Breadcrumbs items={[{ href: "/workspaces", label: "Workspaces" }]} />
      <div className="page-header">
        <div>
          <h1>{request.name}</h1>
          <p>A class.</p>
        </div>
      </div>
      <section className="card" aria-labelledby="waiting">
        <h2 id="waiting">Waiting for your teacher</h2>
        <p className="notice notice--info" role="status">
          You asked to join this class on <LocalTime date={request.requestedAt} />. Your teacher has to admit you before you see its
          assignments. Nothing else is needed from you: come back to this page later, or ask your teacher to look at the class&apos;s roster.
        </p>
        <p>
          <Link href="/workspaces">Back to your workspaces</Link>
        </p>
      </section>
    </div>
  );
}
