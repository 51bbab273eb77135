import { redirect } from "next/navigation";
import { Brand } from "@/app/_components/brand";
import { getSessionUser } from "@/lib/server/auth/session";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  if (await getSessionUser()) redirect("/workspaces");
  return (
    <main id="main" className="auth">
      <div className="auth__card">
        <p>
          <Brand />
        </p>
        <div className="card">{children}</div>
      </div>
    </main>
  );
}
