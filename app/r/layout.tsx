import { Brand } from "@/app/_components/brand";
import { SiteFooter } from "@/app/_components/site-footer";

/** Published reports: readable by anyone with the link, so no sign-in and no account menu. */
export default function SharedReportLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="site-header">
        <div className="site-header__inner">
          <Brand />
          <span className="meta">Published report</span>
        </div>
      </header>
      <main id="main" className="page page--wide">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
