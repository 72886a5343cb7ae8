import { z } from "zod";
import { difficultySchema, kindSchema, slugSchema } from "./content";
import { searchMatchSchema } from "./search";

export const questionListQuerySchema = z
  .object({
    q: z
      .string()
      .trim()
      .max(200, "Search terms must be at most 200 characters.")
      .optional()
      .describe(
        "Words to search (docs/decisions/0014-search.md): question words (vs, difference between, how do I) are dropped; identifiers match with or without underscores and camelCase as words; acronyms and tokens like N+1 match whole; the last word is a prefix only when no question holds it as a word; a word no question holds is replaced by the bank's nearest (see suggestion).",
      ),
    topic: slugSchema.optional(),
    difficulty: difficultySchema.optional(),
    company: slugSchema.optional(),
    kind: kindSchema.optional(),
    tag: slugSchema.optional(),
    cursor: z
      .string()
      .max(500)
      .regex(/^[\w-]*$/, "Invalid cursor.")
      .optional(),
    limit: z.coerce.number().int().min(1).max(100, "limit is at most 100.").default(20),
  })
  .meta({ id: "QuestionListQuery" });

export type QuestionListQuery = z.infer<typeof questionListQuerySchema>;

const topicRef = z.object({ slug: z.string(), name: z.string() });

export const questionListItemSchema = z.object({
  slug: z.string(),
  title: z.string(),
  topic: topicRef,
  difficulty: difficultySchema,
  kind: kindSchema,
  tags: z.array(z.string()),
  companies: z.array(z.string()),
  snippet: z.string().optional().describe("HTML-escaped excerpt with <mark> around the matches (searches only)"),
  partial: z
    .literal(true)
    .optional()
    .describe("Searches only: the question holds some of the words, not all (it follows those holding all)"),
  titleHtml: z
    .string()
    .optional()
    .describe("HTML-escaped title with <mark> around the matches (searches whose words are in the title)"),
});

export const facetSchema = z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() }));

export const questionListSchema = z
  .object({
    items: z.array(questionListItemSchema),
    nextCursor: z.string().nullable(),
    previousCursor: z
      .string()
      .nullable()
      .describe("The previous page's cursor; null on the first page and when the previous page is the first"),
    start: z.number().int().describe("How many matching questions come before this page (0 on the first page)"),
    total: z.number().int().describe("How many questions match (at least this many when capped)"),
    facets: z.object({ topic: facetSchema, difficulty: facetSchema, kind: facetSchema, company: facetSchema }),
    capped: z
      .literal(true)
      .optional()
      .describe(
        "Searches only: more questions may match than were read (the best are ranked); facet counts are at least these",
      ),
    match: searchMatchSchema
      .optional()
      .describe(
        "Searches only: all = the page has questions holding every word (first); some = none holds them all, these hold the most; none = nothing matched",
      ),
    searched: z
      .string()
      .optional()
      .describe(
        "Searches only: the words searched, after question words (vs, difference between, how do I) were dropped and typos corrected",
      ),
    suggestion: z
      .string()
      .optional()
      .describe(
        "Searches only: present when a word no question holds was replaced by the nearest word of the bank; the results are for this text",
      ),
  })
  .meta({ id: "QuestionList" });

export const questionDetailSchema = questionListItemSchema
  .omit({ snippet: true, titleHtml: true, partial: true, companies: true })
  .extend({
    prompt: z.string(),
    modelAnswer: z.string(),
    keyPoints: z.array(z.string()),
    estimatedMinutes: z.number().int(),
    source: z.string(),
    archived: z.boolean(),
    withheld: z
      .boolean()
      .describe(
        "True while the signed-in user's running timed interview asks this question: modelAnswer and keyPoints are empty until it ends.",
      ),
    companies: z.array(z.object({ slug: z.string(), name: z.string(), frequency: z.number().int().nullable() })),
    related: z.array(z.object({ slug: z.string(), title: z.string(), difficulty: difficultySchema })),
  })
  .meta({ id: "QuestionDetail" });

export const topicListSchema = z
  .object({
    items: z.array(
      z.object({ slug: z.string(), name: z.string(), order: z.number().int(), questionCount: z.number().int() }),
    ),
  })
  .meta({ id: "TopicList" });

const companyBase = z.object({
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  durationMinutes: z.number().int(),
  questionCount: z.number().int(),
  codingProblems: z.number().int(),
});

export const companyListSchema = z.object({ items: z.array(companyBase) }).meta({ id: "CompanyList" });

export const companyDetailSchema = companyBase
  .extend({
    styleNotes: z.string(),
    difficultyMix: z.object({ easy: z.number(), medium: z.number(), hard: z.number() }),
    topics: z.array(
      z.object({ slug: z.string(), name: z.string(), weight: z.number(), questionCount: z.number().int() }),
    ),
    bankQuestions: z.number().int().describe("Questions in the bank linked to this profile"),
  })
  .meta({ id: "CompanyDetail" });

export type QuestionListItem = z.infer<typeof questionListItemSchema>;
export type QuestionList = z.infer<typeof questionListSchema>;
export type QuestionDetail = z.infer<typeof questionDetailSchema>;
export type CompanyDetail = z.infer<typeof companyDetailSchema>;
