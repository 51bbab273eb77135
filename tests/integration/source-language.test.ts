import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { createComparison } from "@/lib/server/services/comparisons/create-comparison";
import { createSource } from "@/lib/server/services/sources/create-source";
import { getSource } from "@/lib/server/services/sources/get-source";
import { updateSourceLanguage } from "@/lib/server/services/sources/update-source-language";
import { addMember, ownerWithWorkspace, signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

setupTestDb();

// Written for this test: a late ferry in Persian and in Chinese.
const PERSIAN = "کشتی مسافربری روز سه‌شنبه با دو ساعت تأخیر از بندر خارج شد و شهردار گفت شهر هزینه را می‌پردازد.";
const CHINESE = "周二渡轮因为风向改变晚了两个小时才离开港口，市长说市政府将出钱购买第二艘船。";

describe("source language", () => {
  it("is detected on import, counted in words of its script, and editable by editors only", async () => {
    const { owner, workspace } = await ownerWithWorkspace("Desk");
    const comparison = await createComparison(owner, workspace.slug, { title: "Late ferry" });
    const add = (text: string, title: string) =>
      createSource(owner, workspace.slug, comparison.slug, { content: { kind: "paste", text }, metadata: { title, outletName: title } });
    const persian = await add(PERSIAN, "Bandar Daily");
    const chinese = await add(CHINESE, "Harbour Post");
    expect([persian.language, chinese.language]).toEqual(["fa", "zh"]);
    const shown = await getSource(owner, workspace.slug, comparison.slug, chinese.id);
    // Words, not one unit per sentence: 周二|渡轮|因为|风向|改变|晚|了|两|个|小时|…
    expect(shown.source.revisions[0]!.wordCount).toBeGreaterThan(20);

    expect(await updateSourceLanguage(owner, workspace.slug, comparison.slug, persian.id, { language: "FA-ir" })).toEqual({ language: "fa-IR" });
    expect(await updateSourceLanguage(owner, workspace.slug, comparison.slug, persian.id, { language: "" })).toEqual({ language: null });
    const refused = await updateSourceLanguage(owner, workspace.slug, comparison.slug, persian.id, { language: "not a tag!" }).catch((e: unknown) => e);
    expect((refused as AppError).code).toBe("INVALID_INPUT");

    const viewer = await signUp("Viewer");
    await addMember(owner, workspace.slug, { email: viewer.email, role: "VIEWER" });
    const forbidden = await updateSourceLanguage(viewer, workspace.slug, comparison.slug, persian.id, { language: "fa" }).catch((e: unknown) => e);
    expect(forbidden).toBeInstanceOf(AppError);
  });
});
