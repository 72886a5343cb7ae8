// A content pack (issue #24): one JSON file holding topics, questions with their rubrics, coding problems and
// interview formats, in the seed/ files' own shapes (lib/schemas/content.ts). Packs come from outside: validated
// here, capped in size and count, installed under their own source so only their questions leave with them.
// Never run on the server; rendered through the same sanitizer as every question. The OpenAPI document carries
// this schema (POST /api/admin/packs); docs/packs.md describes it.
import { z } from "zod";
import { companyContentSchema, problemContentSchema, questionContentSchema, slugSchema, topicSchema } from "./content";

export const PACK_LIMITS = {
  bytes: 10 * 1024 * 1024,
  topics: 100,
  companies: 50,
  questions: 5_000,
  problems: 500,
} as const;

export const packSchema = z
  .object({
    format: z.literal("mockroom-pack", { error: 'format must be "mockroom-pack"' }),
    /** The pack format's version; this is the first. */
    formatVersion: z.literal(1, { error: "formatVersion must be 1" }),
    name: slugSchema,
    title: z.string().trim().min(2).max(120),
    /** The pack's own version, as its authors number it ("2026.12", "1.4.0"). */
    version: z.string().trim().min(1).max(40),
    description: z.string().trim().max(2_000).default(""),
    topics: z.array(topicSchema).max(PACK_LIMITS.topics).default([]),
    companies: z.array(companyContentSchema).max(PACK_LIMITS.companies).default([]),
    questions: z
      .array(
        questionContentSchema.extend({
          topic: slugSchema,
          // Merging moves users' data between questions: the seed's own files may, a pack may not.
          formerSlugs: z.array(slugSchema).max(0, "a pack cannot merge questions (formerSlugs)").default([]),
        }),
      )
      .max(PACK_LIMITS.questions)
      .default([]),
    problems: z.array(problemContentSchema).max(PACK_LIMITS.problems).default([]),
  })
  .strict()
  .superRefine((pack, ctx) => {
    const slugs = [...pack.questions.map((q) => q.slug), ...pack.problems.map((p) => p.slug)];
    const seen = new Set<string>();
    for (const slug of slugs) {
      if (seen.has(slug))
        ctx.addIssue({ code: "custom", message: `the slug "${slug}" is used twice`, path: ["questions"] });
      seen.add(slug);
    }
    if (!slugs.length)
      ctx.addIssue({ code: "custom", message: "a pack holds at least one question or problem", path: ["questions"] });
  })
  .meta({ id: "ContentPack" });
export type Pack = z.infer<typeof packSchema>;

export const packActionQuerySchema = z.object({
  dryRun: z.enum(["true", "false"], { error: "dryRun must be true or false." }).default("true"),
});

export const setPackStateSchema = z.object({ disabled: z.boolean() }).strict().meta({ id: "SetPackStateRequest" });

/**
 * seed/packs.json: how the built-in content ships as packs. Each built-in pack names the topics whose questions and
 * problems it holds (a topic belongs to one pack at most); the seed records each as a ContentPack row, so admins
 * see, download, disable and enable it like an installed one. Interview formats stay the bank's own.
 */
export const builtInPackSchema = z
  .object({
    name: slugSchema,
    title: z.string().trim().min(2).max(120),
    version: z.string().trim().min(1).max(40),
    description: z.string().trim().max(2_000).default(""),
    topics: z.array(slugSchema).min(1).max(PACK_LIMITS.topics),
  })
  .strict();
export type BuiltInPack = z.infer<typeof builtInPackSchema>;

export const builtInPacksSchema = z
  .array(builtInPackSchema)
  .max(50)
  .superRefine((packs, ctx) => {
    const names = new Set<string>();
    const owner = new Map<string, string>();
    packs.forEach((pack, index) => {
      if (names.has(pack.name))
        ctx.addIssue({ code: "custom", message: `the pack name "${pack.name}" is used twice`, path: [index, "name"] });
      names.add(pack.name);
      for (const topic of pack.topics) {
        if (owner.has(topic))
          ctx.addIssue({
            code: "custom",
            message: `the topic "${topic}" is in both "${owner.get(topic)}" and "${pack.name}"`,
            path: [index, "topics"],
          });
        owner.set(topic, pack.name);
      }
    });
  });
