import { AuthCard } from "@/app/_components/auth-card";

/** Join pages work signed in or out, so unlike sign-in they do not redirect signed-in users. */
export default function JoinLayout({ children }: { children: React.ReactNode }) {
  return <AuthCard>{children}</AuthCard>;
}
