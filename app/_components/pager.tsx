import Link from "next/link";
import type { Page } from "@/lib/domain/paging/page";

/**
 * Previous / next links under a list shown one page at a time, with where the page sits in
 * the whole ("51–100 of 412"). `href` builds the address of a page number.
 */
export function Pager({ page, shown, label, href }: { page: Omit<Page<unknown>, "items">; shown: number; label: string; href: (page: number) => string }) {
  if (page.pages <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      <span className="meta">
        {page.from}–{page.from + shown - 1} of {page.total}
      </span>
      {page.page > 1 ? (
        <Link href={href(page.page - 1)} rel="prev" scroll={false}>
          Previous
        </Link>
      ) : null}
      {page.page < page.pages ? (
        <Link href={href(page.page + 1)} rel="next" scroll={false}>
          Next
        </Link>
      ) : null}
    </nav>
  );
}
