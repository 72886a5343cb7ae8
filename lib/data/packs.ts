import "server-only";
// Content packs (issue #24): install, update (a dry run first: what it would create, update and archive),
// disable and enable, list, download, and the whole bank as a pack. An installed pack is loaded by the seed's own
// loader (seed/bank.ts) under its own source, "pack-<name>", in one transaction with its row, so only its questions
// leave with it. It may add topics and interview formats but not change ones that exist, and its question slugs
// must not be another source's: a pack from outside cannot rewrite the bank's own content. The built-in content
// ships as packs too (seed/packs.json, recorded by the seed: seed/load.ts): disabled and enabled here, updated by
// the seed.
import { clearContentCaches } from "../cache";
import { db } from "../db/client";
import { AppError } from "../http/errors";
import type { Prisma } from "../generated/prisma/client";
import type { Pack } from "../schemas/pack";
import { refreshSearchWords } from "../search/refresh-words";
import { rescore } from "../scoring/rescore";
import {
  contentDir,
  currentContent,
  exportContent,
  loadBank,
  loadBuiltIn,
  readContent,
  type BankReport,
  type Content,
} from "../../seed/load";

export const packSource = (name: string) => `pack-${name}`;

export type PackView = {
  name: string;
  title: string;
  version: string;
  description: string;
  installedAt: string;
  updatedAt: string;
  disabled: boolean;
  /** Shipped with Mockroom (seed/packs.json): updated by the seed, not by a file. */
  builtIn: boolean;
  installedBy: string | null;
  questions: { live: number; archived: number };
};

export type PackPlan = {
  dryRun: boolean;
  name: string;
  version: string;
  report: BankReport;
  keptTopics: string[];
  keptFormats: string[];
};

/** The pack as the loader reads content: existing topics and formats as the bank has them (a pack only adds). */
async function asContent(pack: Pack): Promise<{ content: Content; keptTopics: string[]; keptFormats: string[] }> {
  const [topics, companies] = await Promise.all([
    db().topic.findMany({ where: { slug: { in: pack.topics.map((t) => t.slug) } } }),
    db().companyProfile.findMany({ where: { slug: { in: pack.companies.map((c) => c.slug) } } }),
  ]);
  const knownTopics = new Map(topics.map((t) => [t.slug, t]));
  const knownFormats = new Map(companies.map((c) => [c.slug, c]));
  return {
    content: {
      topics: pack.topics.map((t) => {
        const kept = knownTopics.get(t.slug);
        return kept ? { slug: kept.slug, name: kept.name, order: kept.order } : t;
      }),
      companies: pack.companies.map((c) => {
        const kept = knownFormats.get(c.slug);
        return kept
          ? {
              slug: kept.slug,
              name: kept.name,
              description: kept.description,
              durationMinutes: kept.durationMinutes,
              questionCount: kept.questionCount,
              topicWeights: kept.topicWeights as Record<string, number>,
              difficultyMix: kept.difficultyMix as { easy: number; medium: number; hard: number },
              codingProblems: kept.codingProblems,
              styleNotes: kept.styleNotes,
            }
          : c;
      }),
      questions: pack.questions,
      problems: pack.problems,
      packs: [],
    },
    keptTopics: [...knownTopics.keys()],
    keptFormats: [...knownFormats.keys()],
  };
}

/** Names every reference the pack makes to something neither it nor the bank holds, and slugs owned elsewhere. */
async function check(pack: Pack): Promise<void> {
  const source = packSource(pack.name);
  const slugs = [...pack.questions.map((q) => q.slug), ...pack.problems.map((p) => p.slug)];
  const [builtIn, topics, companies, taken] = await Promise.all([
    db().contentPack.findFirst({ where: { name: pack.name, builtIn: true }, select: { name: true } }),
    db().topic.findMany({ select: { slug: true } }),
    db().companyProfile.findMany({ select: { slug: true } }),
    db().question.findMany({
      where: { OR: [{ slug: { in: slugs } }, { formerSlugs: { hasSome: slugs } }], NOT: { source } },
      select: { slug: true, source: true },
      take: 20,
    }),
  ]);
  const topicSlugs = new Set([...topics.map((t) => t.slug), ...pack.topics.map((t) => t.slug)]);
  const companySlugs = new Set([...companies.map((c) => c.slug), ...pack.companies.map((c) => c.slug)]);
  const problems: string[] = [];
  if (builtIn) problems.push(`the name "${pack.name}" belongs to a built-in pack`);
  for (const q of [...pack.questions, ...pack.problems]) {
    if (!topicSlugs.has(q.topic)) problems.push(`${q.slug}: no topic "${q.topic}" in the pack or the bank`);
    for (const c of q.companies)
      if (!companySlugs.has(c.slug))
        problems.push(`${q.slug}: no interview format "${c.slug}" in the pack or the bank`);
  }
  for (const c of pack.companies)
    for (const topic of Object.keys(c.topicWeights))
      if (!topicSlugs.has(topic)) problems.push(`format ${c.slug}: no topic "${topic}" in the pack or the bank`);
  for (const q of taken) problems.push(`${q.slug}: this slug belongs to another source ("${q.source}")`);
  if (problems.length)
    throw new AppError("VALIDATION", `The pack cannot be installed: ${problems.length} problem(s).`, {
      extra: { problems: problems.slice(0, 50) },
    });
}

/** Installs or updates a pack, or (dryRun) reports what that would do and writes nothing. */
export async function installPack(adminId: string, pack: Pack, dryRun: boolean): Promise<PackPlan> {
  await check(pack);
  const { content, keptTopics, keptFormats } = await asContent(pack);
  const source = packSource(pack.name);
  const row = {
    title: pack.title,
    version: pack.version,
    description: pack.description,
    source,
    content: pack as unknown as Prisma.InputJsonValue,
    installedById: adminId,
    disabledAt: null,
  };
  const report = await loadBank(db(), content, new Date(), {
    dryRun,
    source,
    within: async (tx) => {
      await tx.contentPack.upsert({ where: { name: pack.name }, create: { name: pack.name, ...row }, update: row });
    },
  });
  if (!dryRun) clearContentCaches();
  return { dryRun, name: pack.name, version: pack.version, report, keptTopics, keptFormats };
}

/**
 * Disables a pack (its questions are archived: gone from the bank, readable in users' history) or enables it again:
 * an installed pack by installing its stored file, a built-in one by loading seed/ again with its archived
 * questions brought back (edited ones too) and the files' changes since applied.
 */
export async function setPackDisabled(adminId: string, name: string, disabled: boolean): Promise<PackView> {
  const pack = await db().contentPack.findUnique({ where: { name } });
  if (!pack) throw new AppError("NOT_FOUND", "No such pack.");
  if (disabled) {
    if (!pack.disabledAt)
      await db().$transaction(async (tx) => {
        const now = new Date();
        const where: Prisma.QuestionWhereInput = pack.builtIn
          ? { slug: { in: pack.slugs }, archivedAt: null }
          : { source: pack.source!, archivedAt: null };
        const archived = pack.builtIn ? await tx.question.findMany({ where, select: { slug: true } }) : [];
        await tx.question.updateMany({ where, data: { archivedAt: now, revision: { increment: 1 } } });
        await tx.contentPack.update({
          where: { name },
          data: { disabledAt: now, archivedSlugs: archived.map((q) => q.slug) },
        });
        await refreshSearchWords(tx);
      });
  } else if (pack.builtIn) {
    await loadBuiltIn(db(), readContent(contentDir()), { enable: name });
    await rescore(db());
  } else {
    await installPack(adminId, pack.content as unknown as Pack, false);
  }
  clearContentCaches();
  return (await listPacks()).find((p) => p.name === name)!;
}

/** A pack as a file: an installed one as it was installed, a built-in one as the bank holds its topics now. */
export async function packFile(name: string): Promise<Pack> {
  const row = await db().contentPack.findUnique({ where: { name } });
  if (!row) throw new AppError("NOT_FOUND", "No such pack.");
  if (!row.builtIn) return row.content as unknown as Pack;
  const bank = await bankAsPack();
  const slugs = new Set(row.slugs);
  const topics = new Set([...bank.questions, ...bank.problems].filter((q) => slugs.has(q.slug)).map((q) => q.topic));
  return {
    ...bank,
    name: row.name,
    title: row.title,
    version: row.version,
    description: row.description,
    topics: bank.topics.filter((t) => topics.has(t.slug)),
    // Its questions name the bank's interview formats; a pack carries formats only it defines.
    companies: [],
    questions: bank.questions.filter((q) => slugs.has(q.slug)),
    problems: bank.problems.filter((p) => slugs.has(p.slug)),
  };
}

export async function listPacks(): Promise<PackView[]> {
  const rows = await db().$queryRaw<
    {
      name: string;
      title: string;
      version: string;
      description: string;
      installedAt: Date;
      updatedAt: Date;
      disabledAt: Date | null;
      builtIn: boolean;
      installed_by: string | null;
      live: number;
      archived: number;
    }[]
  >`
    select p.name, p.title, p.version, p.description, p."installedAt", p."updatedAt", p."disabledAt", p."builtIn",
           coalesce(nullif(u.name, ''), u.email) as installed_by,
           count(q.id) filter (where q."archivedAt" is null)::int as live,
           count(q.id) filter (where q."archivedAt" is not null)::int as archived
    from "ContentPack" p
    left join "User" u on u.id = p."installedById"
    left join "Question" q on (case when p."builtIn" then q.slug = any(p.slugs) else q.source = p.source end)
    group by p.name, u.id
    order by p."builtIn" desc, p.title`;
  return rows.map((r) => ({
    name: r.name,
    title: r.title,
    version: r.version,
    description: r.description,
    installedAt: r.installedAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    disabled: r.disabledAt !== null,
    builtIn: r.builtIn,
    installedBy: r.installed_by,
    questions: { live: r.live, archived: r.archived },
  }));
}

/** Live questions in no pack (imported guides, the editor's own, a topic no built-in pack holds), by source. */
export async function unpackedSources(): Promise<{ source: string; live: number }[]> {
  return db().$queryRaw`
    select source, count(*)::int as live from "Question" q
    where "archivedAt" is null and source not like 'pack-%'
      and not exists (select 1 from "ContentPack" p where p."builtIn" and q.slug = any(p.slugs))
    group by source order by count(*) desc, source`;
}

/** The whole bank as one pack file (the export's content: live questions, topics, formats, problems). */
export async function bankAsPack(): Promise<Pack> {
  const { files } = await exportContent(db(), currentContent(contentDir()));
  const questions: Pack["questions"] = [];
  const problems: Pack["problems"] = [];
  for (const [file, value] of Object.entries(files)) {
    const topic = /^questions\/(.+)\.json$/.exec(file)?.[1];
    // Merges (formerSlugs) move users' data: the seed's own business, left out of a pack.
    if (topic) for (const q of value as Pack["questions"]) questions.push({ ...q, topic, formerSlugs: [] });
    else if (file.startsWith("problems/")) problems.push(value as Pack["problems"][number]);
  }
  return {
    format: "mockroom-pack",
    formatVersion: 1,
    name: "mockroom-bank",
    title: "Mockroom question bank",
    version: new Date().toISOString().slice(0, 10),
    description: "Every live question, problem, topic and interview format of this Mockroom, exported.",
    topics: files["topics.json"] as Pack["topics"],
    companies: files["companies.json"] as Pack["companies"],
    questions,
    problems,
  };
}
