// Liveness and readiness: is the database reachable, and are all migrations applied?
import path from "node:path";
import { NextResponse } from "next/server";
import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/server/errors";
import { getHealth } from "@/lib/server/services/health/get-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await getHealth(path.join(process.cwd(), "prisma", "migrations"));
  return NextResponse.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store", ...(health.status === "ok" ? {} : { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) }) },
  });
}
