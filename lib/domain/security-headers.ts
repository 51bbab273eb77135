/**
 * The security headers of every response, and the policy of the API routes: next.config.ts
 * adds them to what Next serves, and the create that scripts/serve.mjs answers itself
 * (lib/server/direct-create.ts) sends the same. Pure: no Node, no Next.
 */

/** On every response: pages, API routes and static files alike. */
export const SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // For browsers that predate CSP's frame-ancestors; the page policy says the same.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

// Pages get a per-request policy with a script nonce from proxy.ts. API routes answer with
// JSON or server-sent events, which a browser that opens one directly shows as text: they
// may load nothing and may not be framed.
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
