import { AuthCard } from "@/app/_components/auth-card";

/** An invitation's page works signed in or out, so unlike sign-in it does not redirect signed-in users. */
export default function InviteLayout({ children }: { children: React.ReactNode }) {
  return <AuthCard>{children}</AuthCard>;
}
