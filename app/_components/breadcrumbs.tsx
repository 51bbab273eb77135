import Link from "next/link";
import { UserText } from "@/app/_components/user-text";

export function Breadcrumbs({ items }: { items: { href: string; label: string }[] }) {
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href}><UserText>{item.label}</UserText></Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
