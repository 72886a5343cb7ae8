// The budgets `npm run bench` holds (issue #8), on 2 cores with the load generator on the same machine.
// The quick run (10,000 questions, used in CI) holds the same latency budgets on a tenth of the data.
export type RouteResult = {
  name: string; key: string; connections: number; requests: number; rps: number;
  p50: number; p95: number; p99: number; errors: number; queriesPerRequest: number | null; peakRssMb: number;
};

type Report = { routes: RouteResult[]; autosaveMismatches: number; autosaveChecked: number; firstLoadJsKb: Record<string, number> };

export const BUDGETS = {
  searchP95: 50,
  listP95: 30,
  autosaveP99: 50,
  startP95: 100,
  questionPageP95: 80,
  throughputShareOfBaseline: 0.4,
  questionsJsKb: 150,
  interviewJsKb: 250,
  rssMb: 500,
};

export function checkBudgets(report: Report): string[] {
  const failures: string[] = [];
  const route = (key: string) => report.routes.find((r) => r.key === key);
  const baseline = route("baseline")?.rps ?? 0;
  const over = (key: string, field: "p95" | "p99", limit: number) => {
    const r = route(key);
    if (r && r[field] > limit) failures.push(`${r.name}: ${field} ${r[field].toFixed(1)} ms > ${limit} ms`);
  };
  over("search", "p95", BUDGETS.searchP95);
  over("list-first", "p95", BUDGETS.listP95);
  over("list-deep", "p95", BUDGETS.listP95);
  over("autosave", "p99", BUDGETS.autosaveP99);
  over("start", "p95", BUDGETS.startP95);
  over("page-question", "p95", BUDGETS.questionPageP95);
  for (const key of ["list-first", "list-deep", "search"]) {
    const r = route(key);
    if (r && baseline && r.rps / baseline < BUDGETS.throughputShareOfBaseline) {
      failures.push(`${r.name}: ${Math.round((r.rps / baseline) * 100)}% of the baseline's throughput < ${BUDGETS.throughputShareOfBaseline * 100}%`);
    }
  }
  for (const r of report.routes) {
    if (r.errors > 0) failures.push(`${r.name}: ${r.errors} errors`);
    if (r.peakRssMb > BUDGETS.rssMb) failures.push(`${r.name}: server RSS ${r.peakRssMb.toFixed(0)} MB > ${BUDGETS.rssMb} MB`);
  }
  if (report.autosaveMismatches > 0) failures.push(`autosave: ${report.autosaveMismatches} answers differ from the last acknowledged write`);
  if (report.autosaveChecked === 0) failures.push("autosave: no write was acknowledged");
  const js = report.firstLoadJsKb;
  if ((js["/questions"] ?? 0) > BUDGETS.questionsJsKb) failures.push(`/questions first-load JS ${js["/questions"]!.toFixed(0)} KB > ${BUDGETS.questionsJsKb} KB`);
  if ((js["/interviews/[id]"] ?? 0) > BUDGETS.interviewJsKb) failures.push(`interview page first-load JS ${js["/interviews/[id]"]!.toFixed(0)} KB > ${BUDGETS.interviewJsKb} KB`);
  return failures;
}
