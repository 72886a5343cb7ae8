import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The layering rules of eslint.config.mjs, run on code that breaks them (as `npm run lint` would see it in
// that file): each refused import form, alias and relative, and what stays allowed.
const eslint = new ESLint({ cwd: process.cwd() });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => /no-restricted-imports/.test(m.ruleId ?? "")).map((m) => m.message);
}

describe("layering lint rules", { timeout: 60_000 }, () => {
  it("refuse lib/ code that imports app/ or components/, in either import form", async () => {
    const refused = [
      'import { GET } from "@/app/api/ping/route";',
      'import { GET } from "../../app/api/ping/route";',
      'import { Button } from "@/components/ui/button";',
      'import { Button } from "../../components/ui/button";',
      'export { Button } from "@/components/ui/button";',
    ];
    for (const line of refused)
      expect(await layeringErrors("lib/data/example.ts", `${line}\nexport const x = 1;\n`), line).toHaveLength(1);
    // The route table is the one exception (docs/decisions/0017-one-request-path.md).
    expect(
      await layeringErrors(
        "lib/server/api-routes.ts",
        'import { GET } from "@/app/api/ping/route";\nexport const x = GET;\n',
      ),
    ).toEqual([]);
  });

  it("refuse components that load their own data or import app/; types stay allowed", async () => {
    for (const line of [
      'import { getQuestion } from "@/lib/data/questions";',
      'import { db } from "../../lib/db/client";',
      'import { saveSettings } from "@/app/dashboard/actions";',
    ]) {
      expect(
        await layeringErrors("components/questions/example.tsx", `${line}\nexport const x = 1;\n`),
        line,
      ).toHaveLength(1);
    }
    expect(
      await layeringErrors(
        "components/layout/example.tsx",
        'import type { SessionUser } from "@/lib/data/users";\nexport type X = SessionUser;\n',
      ),
    ).toEqual([]);
    expect(
      await layeringErrors(
        "components/layout/example.tsx",
        'import { isUuid } from "@/lib/http/ids";\nexport const x = isUuid;\n',
      ),
    ).toEqual([]);
  });

  it("let the app reach the seed content through seed/load only", async () => {
    expect(
      await layeringErrors(
        "lib/cli/example.ts",
        'import { readContent } from "../../seed/content";\nexport const x = readContent;\n',
      ),
    ).toHaveLength(1);
    expect(
      await layeringErrors(
        "app/example/page.tsx",
        'import { loadBank } from "@/seed/bank";\nexport const x = loadBank;\n',
      ),
    ).toHaveLength(1);
    expect(
      await layeringErrors(
        "lib/cli/example.ts",
        'import { runSeed } from "../../seed/load";\nexport const x = runSeed;\n',
      ),
    ).toEqual([]);
  });
});
