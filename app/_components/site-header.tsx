import { UserText } from "@/app/_components/user-text";
import type { SessionUser } from "@/lib/server/auth/session";
import { Brand } from "./brand";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

export function SiteHeader({ user }: { user: SessionUser }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Brand />
        <nav className="site-nav" aria-label="Main">
          <NavLink href="/workspaces" section>
            Workspaces
          </NavLink>
        </nav>
        <div className="user-menu">
          <span>
            Signed in as{" "}
            <NavLink href="/profile">
              <span className="user-menu__name"><UserText>{user.name}</UserText></span>
              <span className="visually-hidden"> ({user.email}), your profile</span>
            </NavLink>
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
