import type { Metadata } from "next";
import Link from "next/link";
import { safeCallbackPath } from "@/lib/domain/safe-callback";
import { DEMO_ACCOUNT } from "@/lib/server/seed/demo-account";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  return (
    <>
      <h1>Sign in</h1>
      {params.signedOut ? (
        <p className="notice notice--info" role="status">
          You are signed out.
        </p>
      ) : null}
      <SignInForm callbackUrl={safeCallbackPath(params.callbackUrl)} />
      <p className="auth__alt">
        New to Parallax? <Link href="/sign-up">Create an account</Link>
      </p>
      <p className="demo-hint meta">
        To look around, use the demo account <code>{DEMO_ACCOUNT.email}</code> with password{" "}
        <code>{DEMO_ACCOUNT.password}</code>.
      </p>
    </>
  );
}
