import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <>
      <h1>Create your account</h1>
      <SignUpForm />
      <p className="auth__alt">
        Already have an account? <Link href="/sign-in">Sign in</Link>
      </p>
    </>
  );
}
