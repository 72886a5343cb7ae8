// The hot statements of a mock interview read a handful of pages however many interviews are running,
// also when the table's statistics say that none are: the state ANALYZE leaves after sampling a table of
// ended interviews, as on the benchmark's data (docs/performance.md, round nine). An index led by the
// status let the planner read every running interview for each autosave; these tests count the pages
// each statement reads (EXPLAIN ANALYZE, BUFFERS), in a transaction that is rolled back.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { saveAnswerStatement } from "@/lib/data/answers";
import { startContextStatement, startInterview } from "@/lib/data/interviews";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { userFactory } from "../factories";
import { rowsLookedAt, type PlanNode } from "../support/query-plans";

const RUNNING = 1_500;
/** Pages a statement may read: an index descent or two and the rows themselves. */
const MAX_PAGES = 60;
/** Interview rows a statement may look at (kept or filtered out): the user's own. Before the fix: all 1,500. */
const MAX_INTERVIEW_ROWS = 5;

/** Runs the statement under EXPLAIN ANALYZE, its changes rolled back: pages it read, and Interview rows it looked at. */
async function measure(statement: Prisma.Sql): Promise<{ pages: number; interviewRows: number }> {
  const rollback = new Error("rollback");
  let plan: PlanNode | undefined;
  try {
    await db().$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ "QUERY PLAN": { Plan: PlanNode }[] }[]>(
        Prisma.sql`explain (analyze, buffers, format json) ${statement}`,
      );
      plan = row!["QUERY PLAN"][0]!.Plan;
      throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
  return {
    pages: (plan!["Shared Hit Blocks"] ?? 0) + (plan!["Shared Read Blocks"] ?? 0),
    interviewRows: rowsLookedAt(plan!, "Interview"),
  };
}

let user: { id: string };
let interview: { id: string; questionId: string };

beforeAll(async () => {
  await loadBank(db(), readContent(path.resolve("tests/fixtures/content")));
  const company = await db().companyProfile.findUniqueOrThrow({ where: { slug: "acme" } });
  await db().$executeRaw`
    insert into "User" (id, email, "updatedAt")
    select gen_random_uuid(), 'plans-' || g || '@example.test', now() from generate_series(1, ${RUNNING}) g`;
  // Running interviews have a deadline sooner than the one started below: the first entries of an index on
  // (status, deadline), so a scan of it for one user's interview passes every other first.
  const insertInterviews = (status: string) => db().$executeRaw`
    insert into "Interview" (id, "userId", "companyId", title, mode, status, seed, "topicFocus", "startedAt", "deadlineAt", "endedAt", "updatedAt")
    select gen_random_uuid(), u.id, ${company.id}::uuid, 'Acme', 'STRICT', ${status}::"InterviewStatus", 1, '{}', now(), now() + interval '10 minutes',
           case when ${status} = 'IN_PROGRESS' then null else now() end, now()
    from "User" u where u.email like 'plans-%'`;
  // Statistics taken while every interview had ended; then as many start as there are users.
  await insertInterviews("FINISHED");
  await db().$executeRaw`analyze "Interview"`;
  await insertInterviews("IN_PROGRESS");

  user = await userFactory();
  const started = await startInterview(user.id, { company: "acme", mode: "strict" });
  interview = { id: started.id, questionId: started.questions[0]!.id };
}, 60_000);

describe(`with ${RUNNING.toLocaleString("en")} interviews running and statistics that show none`, () => {
  it("an autosave reads the user's interview alone", async () => {
    const read = await measure(
      saveAnswerStatement(
        user.id,
        interview.id,
        interview.questionId,
        { content: "An answer", revision: 0 },
        new Date(),
      ),
    );
    expect(read.interviewRows).toBeLessThanOrEqual(MAX_INTERVIEW_ROWS);
    expect(read.pages).toBeLessThan(MAX_PAGES);
  });

  it("starting an interview looks for the user's running one among theirs, not everyone's", async () => {
    // A user with none running: the lookup cannot stop at a first match.
    const newcomer = await userFactory();
    const read = await measure(startContextStatement(newcomer.id, "acme"));
    expect(read.interviewRows).toBeLessThanOrEqual(MAX_INTERVIEW_ROWS);
    expect(read.pages).toBeLessThan(MAX_PAGES);
  });
});
