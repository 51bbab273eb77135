import type { Metadata } from "next";
import Link from "next/link";
import { DEMO_ACCOUNT } from "@/lib/server/seed/demo-account";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

function safeCallback(value: string | string[] | undefined): string {
  const url = Array.isArray(value) ? value[0] : value;
  // Only same-site paths: an open redirect would let a phishing link borrow our sign-in page.
  return url && url.startsWith("/") && !url.startsWith("//") ? url : "/workspaces";
}

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
      <SignInForm callbackUrl={safeCallback(params.callbackUrl)} />
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
