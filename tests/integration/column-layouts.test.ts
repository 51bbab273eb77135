import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { getColumnLayout } from "@/lib/server/services/column-layouts/get-column-layout";
import { saveColumnLayout } from "@/lib/server/services/column-layouts/save-column-layout";
import { createComparison } from "@/lib/server/services/comparisons/create-comparison";
import { getSideBySide } from "@/lib/server/services/comparisons/get-side-by-side";
import { createSource } from "@/lib/server/services/sources/create-source";
import { addMember, ownerWithWorkspace, signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

setupTestDb();

async function setup() {
  const { owner, workspace } = await ownerWithWorkspace("Editor");
  const add = (slug: string, text: string, outletName: string) =>
    createSource(owner, workspace.slug, slug, { content: { kind: "paste", text }, metadata: { title: `${outletName} story`, outletName } });
  const comparison = await createComparison(owner, workspace.slug, { title: "Ferry strike" });
  const other = await createComparison(owner, workspace.slug, { title: "Tram fares" });
  const a = await add(comparison.slug, "Ferry crews walked out on Monday.", "Island Echo");
  const b = await add(comparison.slug, "Ferries stood idle on Monday as crews struck.", "Bay Courier");
  const elsewhere = await add(other.slug, "Tram fares rise next month.", "City Line");
  return { owner, workspace, comparison, a, b, elsewhere };
}

describe("column layouts", () => {
  it("are kept per user and comparison, across sessions; a viewer arranges their own", async () => {
    const { owner, workspace, comparison, a, b } = await setup();
    const viewer = await signUp("Viewer");
    await addMember(owner, workspace.slug, { email: viewer.email, role: "VIEWER" });

    expect((await getSideBySide(owner, workspace.slug, comparison.slug)).columnLayout).toEqual({ order: [], hidden: [], collapsed: [] });
    await saveColumnLayout(owner, workspace.slug, comparison.slug, { order: [b.id, a.id], hidden: [], collapsed: [a.id] });
    await saveColumnLayout(viewer, workspace.slug, comparison.slug, { order: [a.id, b.id], hidden: [b.id], collapsed: [] });

    expect((await getSideBySide(owner, workspace.slug, comparison.slug)).columnLayout).toEqual({ order: [b.id, a.id], hidden: [], collapsed: [a.id] });
    expect((await getSideBySide(viewer, workspace.slug, comparison.slug)).columnLayout).toEqual({ order: [a.id, b.id], hidden: [b.id], collapsed: [] });
  });

  it("drop ids of other comparisons' sources and of nothing", async () => {
    const { owner, workspace, comparison, a, elsewhere } = await setup();
    const saved = await saveColumnLayout(owner, workspace.slug, comparison.slug, { order: [elsewhere.id, a.id, "made-up", a.id], hidden: [elsewhere.id], collapsed: [] });
    expect(saved).toEqual({ order: [a.id], hidden: [], collapsed: [] });
    const { comparison: row } = await getSideBySide(owner, workspace.slug, comparison.slug);
    expect(await getColumnLayout(owner, row.id)).toEqual(saved);
  });

  it("are refused to someone outside the workspace, and malformed input is refused", async () => {
    const { workspace, comparison, owner } = await setup();
    const stranger = await signUp("Stranger");
    const refused = await saveColumnLayout(stranger, workspace.slug, comparison.slug, { order: [], hidden: [], collapsed: [] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("NOT_FOUND");
    const bad = await saveColumnLayout(owner, workspace.slug, comparison.slug, { order: "all" }).catch((e: unknown) => e);
    expect((bad as AppError).code).toBe("INVALID_INPUT");
  });
});
