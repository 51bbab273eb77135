import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its own package folder at run time;
  // bundling it would break those paths.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "jsdom"],
  poweredByHeader: false,
  // Uploads up to the 1 MB source limit plus form overhead; larger bodies still reach our
  // own check first, so the user reads its message rather than a framework error.
  experimental: { serverActions: { bodySizeLimit: "4mb" } },
};

export default nextConfig;
