import { describe, expect, it } from "vitest";
import { repairMojibake } from "@/lib/content/importer/mojibake";

describe("repairMojibake", () => {
  it.each([
    ["Djangoâ€™s ORM", "Django’s ORM"],
    ["Model â†’ SQL", "Model → SQL"],
    ["ðŸ‘‰ It works", "👉 It works"],
    ["âœ… Revise", "✅ Revise"],
    ["cafÃ©", "café"],
    ["â€œquotedâ€\u009d", "“quoted”"],
  ])("repairs %j", (broken, fixed) => {
    expect(repairMojibake(broken).text).toBe(fixed);
  });

  it.each([
    "naïve",
    "São Paulo",
    "Zürich",
    "Ångström",
    "façade — déjà vu",
    "plain ASCII",
    "€100 and ½ price",
    "emoji 👉 ✅ stay",
  ])("leaves correct text %j alone", (good) => {
    expect(repairMojibake(good)).toEqual({ text: good, repaired: 0 });
  });

  it("counts repairs and handles mixed text", () => {
    const result = repairMojibake("Zürich â€” Djangoâ€™s");
    expect(result).toEqual({ text: "Zürich — Django’s", repaired: 2 });
  });
});
