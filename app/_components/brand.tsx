import Link from "next/link";

/** The Parallax mark: two offset lenses over one line, the same fact seen from two places. */
export function Brand() {
  return (
    <Link href="/" className="brand">
      <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true">
        <circle cx="12" cy="16" r="9" fill="none" stroke="#2f4bb8" strokeWidth="3" />
        <circle cx="20" cy="16" r="9" fill="none" stroke="#c2410c" strokeWidth="3" opacity="0.85" />
      </svg>
      Parallax
    </Link>
  );
}
