import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "./lib/domain/security-headers";
import { MAX_FORM_BODY_BYTES } from "./lib/domain/upload-limits";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its own package folder at run time, and
  // pdfkit its font metrics (the report PDF's TTF files are resolved from node_modules):
  // bundling them would break those paths.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "jsdom", "pdfkit"],
  poweredByHeader: false,
  // Types are checked by `npm run typecheck` (in `npm run check` and CI), not again by every
  // first `npm start`.
  typescript: { ignoreBuildErrors: true },
  // Uploads up to the 1 MB source limit plus form overhead, so a file a little over 1 MB
  // still reaches our own check and its message. Next answers a bare 500 to a body over this
  // limit; proxy.ts refuses those first with a 413 that says the sizes.
  experimental: { serverActions: { bodySizeLimit: MAX_FORM_BODY_BYTES } },
  async headers() {
    return [
      { source: "/:path*", headers: [...SECURITY_HEADERS] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
