import { redirect } from "next/navigation";
import { AuthCard } from "@/app/_components/auth-card";
import { getSessionUser } from "@/lib/server/auth/session";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  if (await getSessionUser()) redirect("/workspaces");
  return <AuthCard>{children}</AuthCard>;
}
