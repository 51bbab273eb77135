import { headers } from "next/headers";
import { SiteFooter } from "@/app/_components/site-footer";
import { SiteHeader } from "@/app/_components/site-header";
import { requireSessionUser } from "@/lib/server/auth/session";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const path = (await headers()).get("x-parallax-path") ?? "/workspaces";
  const user = await requireSessionUser(path);
  return (
    <>
      <SiteHeader user={user} />
      <main id="main">{children}</main>
      <SiteFooter />
    </>
  );
}
