import { NextResponse, type NextRequest } from "next/server";
import { formTooLargeMessage, MAX_FORM_BODY_BYTES } from "@/lib/domain/upload-limits";

/**
 * The page policy. Scripts run only when they carry this response's nonce ('strict-dynamic'
 * extends the trust to the chunks those scripts load), so markup that slips into a page
 * (an inline handler, a javascript: link, an injected <script>) stays inert.
 *
 * Styles keep 'unsafe-inline': the server HTML carries React's style={} as style
 * attributes (tag colours, highlights, column counts), and a nonce cannot allow an
 * attribute; a nonce in style-src would even make browsers ignore 'unsafe-inline'. The
 * cost is small: CSS cannot run code, and with img-src, font-src and connect-src limited
 * to 'self', injected CSS could not send anything to another site.
 *
 * Next's dev server needs 'unsafe-eval' (React rebuilds server error stacks with eval);
 * production builds never get it.
 */
function contentSecurityPolicy(nonce: string): string {
  const scriptSrc = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"];
  if (process.env.NODE_ENV === "development") scriptSrc.push("'unsafe-eval'");
  return [
    "default-src 'self'",
    `script-src ${scriptSrc.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * Per request: a fresh nonce and the policy that names it, and the requested path for
 * server layouts, so a sign-in redirect can come back to it. Next reads the nonce from
 * the policy on the request and puts it on every script it renders; the browser enforces
 * the same policy from the response. The other security headers, and the policy of the
 * API routes, come from next.config.ts.
 */
export function proxy(request: NextRequest) {
  const declared = Number(request.headers.get("content-length"));
  if (request.method === "POST" && declared > MAX_FORM_BODY_BYTES) return formTooLarge(declared);
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-parallax-path", request.nextUrl.pathname + request.nextUrl.search);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

/**
 * A form submission (server action) over Next's body limit would get a bare 500 from Next;
 * it is refused here, before Next reads it, with a 413 that says the sizes. The upload form
 * checks a chosen file before sending it, so this is for browsers without scripts and for
 * scripts posting to a form. A body that does not declare its length is still cut off by
 * Next at the same limit.
 */
function formTooLarge(bytes: number): NextResponse {
  return new NextResponse(formTooLargeMessage(bytes), {
    status: 413,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}

// Pages and their server actions. API routes return JSON or events, never pages, and
// static files never run scripts of their own, so neither needs a nonce.
export const config = { matcher: ["/((?!api|_next/static|_next/image|favicon.ico).*)"] };
