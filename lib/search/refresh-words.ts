// Re-reads the bank's words, lexeme counts and postings ("SearchWord", "SearchLexeme": prisma/migrations/20261206100000_search_trigrams;
// "SearchPosting": 20261206120000_search_head) after anything that
// adds, edits or archives questions: the seed, the importer, the benchmark's generator. It takes the client
// (or transaction) it runs on, as those callers do, and no server-only import: they run from the command line.
import type { PrismaClient } from "../db/prisma-client";

type Executor = Pick<PrismaClient, "$executeRaw">;

export async function refreshSearchWords(client: Executor): Promise<void> {
  await client.$executeRaw`refresh materialized view "SearchWord"`;
  await client.$executeRaw`refresh materialized view "SearchLexeme"`;
  await client.$executeRaw`refresh materialized view "SearchPosting"`;
}
