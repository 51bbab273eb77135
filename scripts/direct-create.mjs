// Which requests scripts/serve.mjs answers itself instead of passing them to Next: the JSON
// API's annotation create with a personal token, the one request scripts send in bulk.
// The handler is the annotations route's own (lib/server/direct-create.ts); this only picks
// the requests, and everything it does not pick goes to Next unchanged.
//
// Security review: what Next's pipeline and proxy.ts give this request, and the direct path.
// - Security headers and the API's Content-Security-Policy (next.config.ts): the handler sends
//   the same ones, from the module next.config.ts reads them from (lib/domain/security-headers.ts).
// - proxy.ts: its matcher leaves out /api, so it never ran for this request (no nonce, no
//   form-size check); Next's server-action body limit does not apply to route handlers.
// - Body size: withUser's 1 MB limit, declared and counted as read, by the same reader (readJson).
// - Rate limit: none on the API (sign-in, sign-up and password changes have theirs, elsewhere).
// - The client address header: serve.mjs sets it before choosing, for both paths.
// - Who may create (a stranger, a revoked token, a viewer, a student, another workspace's
//   comparison), the error shapes and the 401's WWW-Authenticate: the same token check,
//   createAnnotation and error replies as withUser (lib/server/http.ts); unexpected errors are
//   logged by the same function. Next logs nothing per request, and neither does this.
// - What differs, none of it a matter of security: Next frames the body in chunks and adds
//   "Vary: rsc, next-router-state-tree, …" (the headers its pages vary on; a POST's answer is
//   never cached), the direct path sends Content-Length and no Vary, plus X-Parallax-Direct.
// - Requests the route would treat differently stay with Next: another method, a query, a
//   trailing slash or an encoded character in the path (Next normalizes and decodes them), a
//   cookie (the session), no or several Authorization headers, a body not declared once as
//   application/json, and any of Next's own request headers.
// tests/e2e/direct-create.spec.ts sends each kind of request both ways and compares.

const CREATE_PATH = /^\/api\/comparisons\/([A-Za-z0-9_-]+)\/annotations$/;
const NEXT_HEADERS = /^(rsc|next-.*|x-middleware-.*|x-nextjs-.*|x-invoke-.*|x-matched-path|x-now-route-matches)$/i;

/**
 * The comparison id when `request` (method, url, rawHeaders: name, value, name, value, …)
 * is a create the direct path answers, otherwise null.
 */
export function directCreateTarget({ method, url, rawHeaders }) {
  if (method !== "POST") return null;
  const match = CREATE_PATH.exec(url ?? "");
  if (!match) return null;
  let authorizations = 0;
  let jsonTypes = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i].toLowerCase();
    if (name === "cookie" || NEXT_HEADERS.test(name)) return null;
    if (name === "authorization") authorizations += 1;
    if (name === "content-type") jsonTypes += rawHeaders[i + 1].split(";")[0].trim().toLowerCase() === "application/json" ? 1 : 2;
  }
  return authorizations === 1 && jsonTypes === 1 ? match[1] : null;
}
