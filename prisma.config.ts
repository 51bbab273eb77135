import { defineConfig } from "prisma/config";

// Migrations are applied by scripts/db.ts (Prisma's WASM schema engine), so the
// datasource URL here only matters to Prisma commands that read it.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/parallax" },
});
