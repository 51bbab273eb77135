import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "@/app/(auth)/sign-up/sign-up-form";
import { UserText } from "@/app/_components/user-text";
import { formatJoinCode, normalizeJoinCode } from "@/lib/domain/classroom/join-code";
import { getSessionUser } from "@/lib/server/auth/session";
import { ROLE_LABELS } from "@/lib/server/permissions";
import { findOwnJoinRequests } from "@/lib/server/services/classes/find-join-requests";
import { findClassByJoinCode } from "@/lib/server/services/classes/join-class";
import { findWorkspaces } from "@/lib/server/services/workspaces/find-workspaces";
import { JoinClassForm } from "../join-forms";

export const metadata: Metadata = { title: "Join a class" };

type Props = { params: Promise<{ code: string }> };

/** The class's name, where the signed-in person stands in it, and the way in. */
function ClassNotice({ name, slug, children }: { name: string; slug: string; children: React.ReactNode }) {
  return (
    <>
      <h1><UserText>{name}</UserText></h1>
      <p className="notice notice--info" role="status">{children}</p>
      <p>
        <Link className="button" href={`/w/${slug}`}>
          Go to the class
        </Link>
      </p>
    </>
  );
}

/**
 * A class's join link. Signed in: ask to join as a student with one click (or see that you are
 * in it already, or waiting). Not signed in: create an account here and ask in the same step,
 * or sign in. A teacher admits each student from the roster.
 */
export default async function JoinPage({ params }: Props) {
  const { code: raw } = await params;
  const code = normalizeJoinCode(decodeURIComponent(raw));
  const klass = code ? await findClassByJoinCode(code) : null;
  if (!code || !klass) {
    return (
      <>
        <h1>Join a class</h1>
        <p className="notice notice--error" role="alert">
          No class has the code “{decodeURIComponent(raw)}”. Check it with your teacher; codes look like BCDF-2345.
        </p>
        <p>
          <Link href="/join">Type the code again</Link>
        </p>
      </>
    );
  }
  const user = await getSessionUser();
  const path = `/join/${formatJoinCode(code)}`;
  if (!user) {
    return (
      <>
        <h1>Join <UserText>{klass.name}</UserText></h1>
        <p>Create your account to ask to join the class as a student. Your teacher admits you.</p>
        <SignUpForm joinCode={code} next={`/w/${klass.slug}`} />
        <p className="auth__alt">
          Already have an account? <Link href={`/sign-in?callbackUrl=${encodeURIComponent(path)}`}>Sign in to join</Link>
        </p>
      </>
    );
  }
  const membership = (await findWorkspaces(user)).find((w) => w.slug === klass.slug);
  if (membership) {
    return (
      <ClassNotice name={klass.name} slug={klass.slug}>
        You are already in this class, as {ROLE_LABELS[membership.role].toLowerCase()}.
      </ClassNotice>
    );
  }
  const [waiting] = await findOwnJoinRequests(user, { workspaceSlug: klass.slug });
  if (waiting) {
    return (
      <ClassNotice name={klass.name} slug={klass.slug}>
        You asked to join this class. Your teacher has to admit you before you see anything of it.
      </ClassNotice>
    );
  }
  return (
    <>
      <h1>Join <UserText>{klass.name}</UserText></h1>
      <p>
        You are signed in as <UserText>{user.name}</UserText> ({user.email}). Ask to join the class as a student? Your teacher admits you.
      </p>
      <JoinClassForm code={code} className={klass.name} />
    </>
  );
}
