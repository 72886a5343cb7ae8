// The idempotent loader behind `npm run seed` (and `npm start`). It never deletes or changes users' data.
import { describeRescore, rescore } from "../lib/scoring/rescore";
import crypto from "node:crypto";
import type { PrismaClient } from "../lib/db/prisma-client";
import { hashPassword } from "../lib/auth/password";
import { describeBankReport, loadBank, type BankReport } from "./bank";
import { readContent } from "./content";

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
  report.bank = await loadBank(db, readContent(options.contentDir));
  report.lines.push(...describeBankReport(report.bank));
  if (options.demo) await seedDemoAccount(db, report);
  // Stored scores follow the rubrics just loaded (a no-op when nothing changed since the last run).
  report.lines.push(describeRescore(await rescore(db)));
  return report;
}

/** `npm run content -- export`: the database's content as seed/ files (seed/export.ts). */
export { contentDir } from "./content";
export { currentContent, exportContent, writeContent } from "./export";
export { loadBank, describeBankReport, type BankReport, type LoadOptions } from "./bank";
export type { Content } from "./content";
