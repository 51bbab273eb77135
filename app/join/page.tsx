import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/server/auth/session";
import { JoinClassForm } from "./join-forms";

export const metadata: Metadata = { title: "Join a class" };

/** Typing a class code: signed-in users join at once; others are sent to the code's own page to sign up. */
export default async function JoinByCodePage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code } = await searchParams;
  if (code?.trim()) redirect(`/join/${encodeURIComponent(code.trim())}`);
  const user = await getSessionUser();
  return (
    <>
      <h1>Join a class</h1>
      {user ? (
        <JoinClassForm />
      ) : (
        <form className="form" action="/join" method="get">
          <p className="meta">Your teacher gave you a code or a link. Open the link, or type the code:</p>
          <div className="field">
            <label htmlFor="join-code">Class code</label>
            <input id="join-code" name="code" type="text" required autoComplete="off" placeholder="e.g. BCDF-2345" maxLength={20} />
          </div>
          <div>
            <button type="submit" className="button">
              Continue
            </button>
          </div>
          <p className="auth__alt">
            <Link href="/sign-in?callbackUrl=%2Fjoin">Sign in</Link> first if you have an account.
          </p>
        </form>
      )}
    </>
  );
}
