// The idempotent loader behind `npm run seed` (and `npm start`). It never deletes or changes users' data.
import { describeRescore, rescore } from "../lib/scoring/rescore";
import crypto from "node:crypto";
import type { PrismaClient } from "../lib/db/prisma-client";
import { hashPassword } from "../lib/auth/password";
import { describeBankReport, loadBank, type BankReport } from "./bank";
import { builtInPackSlugs, readContent, type Content } from "./content";

export const DEMO_EMAIL = "demo@mockroom.local";

export type SeedReport = { demoPassword?: string; bank?: BankReport; lines: string[] };

/** Creates the demo account once; its password is returned (to print once) only when it was created now. */
async function seedDemoAccount(db: PrismaClient, report: SeedReport) {
  const existing = await db.user.findUnique({ where: { email: DEMO_EMAIL }, select: { id: true } });
  if (existing) {
    report.lines.push(`demo account ${DEMO_EMAIL}: already present`);
    return;
  }
  const password = crypto.randomBytes(12).toString("base64url");
  await db.user.create({
    data: { email: DEMO_EMAIL, name: "Demo candidate", passwordHash: await hashPassword(password) },
  });
  report.demoPassword = password;
  report.lines.push(`demo account ${DEMO_EMAIL}: created`);
}

export async function runSeed(db: PrismaClient, options: { demo: boolean; contentDir?: string }): Promise<SeedReport> {
  const report: SeedReport = { lines: [] };
  const loaded = await loadBuiltIn(db, readContent(options.contentDir));
  report.bank = loaded.bank;
  report.lines.push(...describeBankReport(report.bank), ...loaded.lines);
  if (options.demo) await seedDemoAccount(db, report);
  // Stored scores follow the rubrics just loaded (a no-op when nothing changed since the last run).
  report.lines.push(describeRescore(await rescore(db)));
  return report;
}

/**
 * Loads the built-in content and records its packs (packs.json) in the same transaction: each pack's row with its
 * questions' slugs; a built-in pack an admin disabled keeps its questions as they are (held) until it is enabled,
 * `enable` names the pack being enabled now (its row's archived questions come back, edited or not). A built-in
 * pack whose name an installed pack has taken is not recorded (its questions load as the bank's own).
 */
export async function loadBuiltIn(
  db: PrismaClient,
  content: Content,
  options: { enable?: string } = {},
): Promise<{ bank: BankReport; lines: string[] }> {
  const rows = new Map((await db.contentPack.findMany()).map((row) => [row.name, row]));
  const slugs = builtInPackSlugs(content);
  const lines: string[] = [];
  const recorded = content.packs.filter((pack) => {
    const row = rows.get(pack.name);
    if (row && !row.builtIn) lines.push(`built-in pack ${pack.name}: not recorded, an installed pack has the name`);
    return !row || row.builtIn;
  });
  const disabled = recorded.filter((pack) => rows.get(pack.name)?.disabledAt && pack.name !== options.enable);
  const enabling = options.enable ? rows.get(options.enable) : undefined;
  const bank = await loadBank(db, content, new Date(), {
    held: new Set(disabled.flatMap((pack) => slugs.get(pack.name)!)),
    reinstate: new Set(enabling?.archivedSlugs ?? []),
    within: async (tx) => {
      for (const pack of recorded) {
        const data = {
          title: pack.title,
          version: pack.version,
          description: pack.description,
          slugs: slugs.get(pack.name)!,
          ...(pack.name === options.enable ? { disabledAt: null, archivedSlugs: [] } : {}),
        };
        await tx.contentPack.upsert({
          where: { name: pack.name },
          create: { name: pack.name, builtIn: true, ...data },
          update: data,
        });
      }
      // A built-in pack that left packs.json is no longer one (its questions stay, as the bank's own).
      await tx.contentPack.deleteMany({
        where: { builtIn: true, name: { notIn: recorded.map((pack) => pack.name) } },
      });
    },
  });
  lines.push(
    `built-in packs: ${recorded.map((p) => `${p.name} ${p.version}${rows.get(p.name)?.disabledAt && p.name !== options.enable ? " (disabled)" : ""}`).join(", ") || "none"}`,
  );
  return { bank, lines };
}

/** `npm run content -- export`: the database's content as seed/ files (seed/export.ts). */
export { contentDir } from "./content";
export { currentContent, exportContent, writeContent } from "./export";
export { loadBank, describeBankReport, type BankReport, type LoadOptions } from "./bank";
export type { Content } from "./content";
export { readContent } from "./content";
