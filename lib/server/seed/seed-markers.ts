import type { Db } from "@/lib/server/db/client";

/** The rows of AppSetting that record that the demo team and the demo class were seeded. */
export const SEED_MARKERS = { team: "demo-seeded", class: "demo-class-seeded" } as const;

/** True once both demo seeds ran on this database: a start then need not load the seed (nor hash its password) at all. */
export async function demoSeedDone(client: Db): Promise<boolean> {
  return (await client.appSetting.count({ where: { key: { in: Object.values(SEED_MARKERS) } } })) === Object.keys(SEED_MARKERS).length;
}
