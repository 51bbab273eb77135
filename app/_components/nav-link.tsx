"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A link that marks itself as the current page (exactly, or as a section with `section`). */
export function NavLink({ href, children, section = false }: { href: string; children: React.ReactNode; section?: boolean }) {
  const pathname = usePathname();
  const current = section ? pathname === href || pathname.startsWith(`${href}/`) : pathname === href;
  return (
    <Link href={href} aria-current={current ? "page" : undefined}>
      {children}
    </Link>
  );
}
